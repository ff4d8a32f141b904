package dev.lamina.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapturedStdoutTest {

  @Test
  void capturesLinesAndJson_thenRestoresTheOriginalStream() {
    PrintStream before = System.out;
    List<String> lines;
    String level;
    try (CapturedStdout out = new CapturedStdout()) {
      System.out.println("{\"level\":\"INFO\"}");
      System.out.println();
      System.out.println("{\"level\":\"WARN\"}");
      lines = out.lines();
      level = out.jsonLines().get(1).get("level").asText();
    }

    assertEquals(List.of("{\"level\":\"INFO\"}", "{\"level\":\"WARN\"}"), lines);
    assertEquals("WARN", level);
    assertSame(before, System.out);
  }

  @Test
  void aLineThatIsNotJson_isReportedByPosition_withoutItsContent() {
    try (CapturedStdout out = new CapturedStdout()) {
      System.out.println("{}");
      System.out.println("password=hunter2");

      UncheckedIOException e = assertThrows(UncheckedIOException.class, out::jsonLines);

      assertEquals("Line 2 of standard output is not JSON", e.getMessage());
      assertFalse(e.getMessage().contains("hunter2"));
    }
  }
}
