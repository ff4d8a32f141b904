package dev.lamina.logging.internal;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.helpers.MessageFormatter;

/**
 * Where every {@link JsonLogger} sends its events: applies the level threshold, formats the
 * message, encodes the JSON line and writes it.
 *
 * <p>Each line reaches the stream in one {@code write} call followed by {@code flush}, while
 * holding the stream's monitor (the one {@link PrintStream} itself locks), so lines from
 * different threads never interleave. Without an injected stream, {@code System.out} is looked
 * up for every line: the Lambda runtime interface client replaces it after start-up.
 *
 * <p>Thread-safe and immutable after construction.
 */
public final class JsonLogSink {

  private static final int INITIAL_LINE_BYTES = 512;

  private final int threshold;
  private final JsonLineEncoder encoder;
  private final ThreadLocalMdcAdapter mdc;
  private final PrintStream fixedOut;
  private final LongSupplier clock;

  /**
   * @param settings level threshold and service name; not null
   * @param factory the provider's JSON factory, created once; not null
   * @param mdc the provider's MDC, read on the logging thread; not null
   * @param fixedOut the stream to write to, or null for {@code System.out} at each write
   * @param clock epoch milliseconds, or null for {@code System.currentTimeMillis()}
   */
  public JsonLogSink(
      LogSettings settings,
      JsonFactory factory,
      ThreadLocalMdcAdapter mdc,
      PrintStream fixedOut,
      LongSupplier clock) {
    this.threshold = settings.level().toInt();
    this.encoder = new JsonLineEncoder(factory, settings.service());
    this.mdc = mdc;
    this.fixedOut = fixedOut;
    this.clock = clock;
  }

  /**
   * @param level not null
   * @return whether events at {@code level} are written
   */
  public boolean isEnabled(Level level) {
    return level.toInt() >= threshold;
  }

  /**
   * Writes one line, if {@code level} is enabled. Never throws for odd arguments: a
   * {@code toString()} that throws becomes a placeholder, and a line that cannot be encoded
   * at all is replaced by a line that says so.
   *
   * @param level not null
   * @param logger the logger name; not null
   * @param epochMillis the event time, or 0 for now
   * @param pattern the message with {@code {}} placeholders; may be null
   * @param args placeholder arguments; may be null
   * @param throwable written as the {@code error} object; may be null
   * @param keyValues fluent key-value pairs; may be null
   */
  public void write(
      Level level,
      String logger,
      long epochMillis,
      String pattern,
      Object[] args,
      Throwable throwable,
      List<KeyValuePair> keyValues) {
    if (!isEnabled(level)) {
      return;
    }
    long millis = epochMillis != 0 ? epochMillis : now();
    LineBuffer line = new LineBuffer(INITIAL_LINE_BYTES);
    try {
      encoder.encode(
          line,
          millis,
          level,
          logger,
          format(pattern, args),
          mdc.currentContext(),
          keyValues,
          throwable);
    } catch (IOException | RuntimeException e) {
      line.reset();
      try {
        encoder.encode(
            line,
            millis,
            level,
            logger,
            "[Lamina logging could not encode this line: " + e.getClass().getName() + "]",
            null,
            null,
            null);
      } catch (IOException | RuntimeException again) {
        return;
      }
    }
    line.write('\n');
    PrintStream out = fixedOut != null ? fixedOut : System.out;
    synchronized (out) {
      out.write(line.array(), 0, line.size());
      out.flush();
    }
  }

  private long now() {
    return clock != null ? clock.getAsLong() : System.currentTimeMillis();
  }

  private static String format(String pattern, Object[] args) {
    if (args == null || args.length == 0 || pattern == null) {
      return pattern;
    }
    // MessageFormatter already replaces an argument whose toString() throws with "[FAILED
    // toString()]".
    return MessageFormatter.basicArrayFormat(pattern, args);
  }
}
