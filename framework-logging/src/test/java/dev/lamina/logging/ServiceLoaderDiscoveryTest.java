package dev.lamina.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.logging.internal.JsonLogger;
import dev.lamina.logging.internal.JsonLoggerFactory;
import dev.lamina.logging.internal.LogSettings;
import dev.lamina.logging.internal.ThreadLocalMdcAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Goes through SLF4J's real, global binding: the provider must be found by the ServiceLoader,
 * and lines must go to whatever {@code System.out} is at the time of logging.
 */
class ServiceLoaderDiscoveryTest {

  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "^\\{\"timestamp\":\"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z)\",");

  @Test
  void slf4j_discoversThisProvider_throughServiceLoader() {
    assertInstanceOf(JsonLoggerFactory.class, LoggerFactory.getILoggerFactory());
    assertInstanceOf(JsonLogger.class, LoggerFactory.getLogger("discovery"));
    assertInstanceOf(ThreadLocalMdcAdapter.class, MDC.getMDCAdapter());
    assertSame(LoggerFactory.getLogger("discovery"), LoggerFactory.getLogger("discovery"));
  }

  @Test
  void mdcPutThenCleared_givesExactJsonLines_onTheSystemOutOfTheMomentOfLogging() throws Exception {
    LoggerFactory
        .getILoggerFactory(); // bind (and print any init warning) before System.out is swapped
    String service =
        new ObjectMapper()
            .writeValueAsString(LogSettings.fromEnvironment(System.getenv()).service());
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      MDC.put("function_request_id", "req-9");
      MDC.put("cold_start", "true");
      LoggerFactory.getLogger("discovery").error("with context");
      MDC.clear();
      LoggerFactory.getLogger("discovery").error("without context");
    } finally {
      MDC.clear();
      System.setOut(original);
    }

    List<String> lines = List.of(captured.toString(StandardCharsets.UTF_8).split("\n"));
    assertEquals(2, lines.size(), () -> "lines: " + lines);
    assertEquals(
        "{\"timestamp\":\""
            + timestampOf(lines.get(0))
            + "\",\"level\":\"ERROR\","
            + "\"message\":\"with context\",\"logger\":\"discovery\",\"service\":"
            + service
            + ","
            + "\"function_request_id\":\"req-9\",\"cold_start\":true}",
        lines.get(0));
    assertEquals(
        "{\"timestamp\":\""
            + timestampOf(lines.get(1))
            + "\",\"level\":\"ERROR\","
            + "\"message\":\"without context\",\"logger\":\"discovery\",\"service\":"
            + service
            + "}",
        lines.get(1));
  }

  private static String timestampOf(String line) {
    Matcher matcher = TIMESTAMP.matcher(line);
    assertTrue(matcher.find(), () -> "no ISO-8601 UTC timestamp first in: " + line);
    return matcher.group(1);
  }
}
