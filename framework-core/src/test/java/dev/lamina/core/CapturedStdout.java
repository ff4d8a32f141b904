package dev.lamina.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Captures what Lamina's JSON log provider writes to standard output while it is open. */
final class CapturedStdout implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PrintStream original = System.out;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  CapturedStdout() {
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
  }

  String text() {
    System.out.flush();
    return buffer.toString(StandardCharsets.UTF_8);
  }

  /** Every line, parsed as JSON (fails the test if one is not JSON). */
  List<JsonNode> jsonLines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text().split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  @Override
  public void close() {
    System.setOut(original);
  }
}
