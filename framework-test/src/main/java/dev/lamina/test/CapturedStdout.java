package dev.lamina.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures what a handler logs to standard output in a unit test: Lamina's JSON log provider
 * (and Powertools-style loggers) write one JSON object per line there. Replaces
 * {@code System.out} until {@link #close()}, which puts the original back.
 *
 * <p>Not thread-safe to open: {@code System.out} is global, so do not run tests that capture it
 * in parallel. Writing from several threads while it is open is fine.
 *
 * <pre>{@code
 * try (CapturedStdout out = new CapturedStdout()) {
 *   handler.handleRequest(in, os, context);
 *   JsonNode line = out.jsonLines().get(0);
 *   assertEquals("req-1", line.get("function_request_id").asText());
 * }
 * }</pre>
 */
public final class CapturedStdout implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream original = System.out;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  /** Starts capturing. */
  public CapturedStdout() {
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
  }

  /** @return everything written so far */
  public String text() {
    System.out.flush();
    return buffer.toString(StandardCharsets.UTF_8);
  }

  /** @return the non-blank lines written so far */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (String line : text().split("\n")) {
      if (!line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }

  /**
   * @return every non-blank line parsed as JSON
   * @throws UncheckedIOException if a line is not JSON, naming its position (not its content)
   */
  public List<JsonNode> jsonLines() {
    List<JsonNode> nodes = new ArrayList<>();
    List<String> lines = lines();
    for (int i = 0; i < lines.size(); i++) {
      try {
        nodes.add(JSON.readTree(lines.get(i)));
      } catch (IOException e) {
        throw new UncheckedIOException("Line " + (i + 1) + " of standard output is not JSON", e);
      }
    }
    return nodes;
  }

  /** Stops capturing and restores the original {@code System.out}. */
  @Override
  public void close() {
    System.setOut(original);
  }
}
