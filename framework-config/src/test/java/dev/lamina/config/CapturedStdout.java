package dev.lamina.config;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Captures what Lamina's JSON log provider (and anything else) writes to standard output. */
final class CapturedStdout implements AutoCloseable {
  private final PrintStream original = System.out;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  CapturedStdout() {
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
  }

  String text() {
    System.out.flush();
    return buffer.toString(StandardCharsets.UTF_8);
  }

  List<String> lines() {
    return Arrays.stream(text().split("\n")).filter(l -> !l.isBlank()).toList();
  }

  @Override
  public void close() {
    System.setOut(original);
  }
}
