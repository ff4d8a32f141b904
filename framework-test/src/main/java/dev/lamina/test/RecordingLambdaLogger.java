package dev.lamina.test;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LambdaLogger} that keeps every line it is given, in order, so a test can assert on them.
 *
 * <p>Thread-safe: lines from concurrent callers are kept in the order their calls completed.
 * Byte messages are decoded as UTF-8. A {@code null} message is recorded as {@code "null"}, as
 * {@code PrintStream} would. The level of {@link #log(String, LogLevel)} is not recorded: the
 * line is kept as given.
 *
 * <pre>{@code
 * RecordingLambdaLogger logger = new RecordingLambdaLogger();
 * FakeContext context = FakeContext.builder().logger(logger).build();
 * handler.handleRequest(input, output, context);
 * assertEquals(List.of("started"), logger.lines());
 * }</pre>
 */
public final class RecordingLambdaLogger implements LambdaLogger {

  private final List<String> lines = new ArrayList<>();

  @Override
  public void log(String message) {
    synchronized (lines) {
      lines.add(String.valueOf(message));
    }
  }

  @Override
  public void log(byte[] message) {
    log(message == null ? null : new String(message, StandardCharsets.UTF_8));
  }

  /** A snapshot of the lines logged so far, oldest first; never null. */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Forgets every line logged so far. */
  public void clear() {
    synchronized (lines) {
      lines.clear();
    }
  }
}
