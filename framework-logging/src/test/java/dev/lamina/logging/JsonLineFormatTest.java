package dev.lamina.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class JsonLineFormatTest {

  private final RecordingLog log = RecordingLog.withEnv("LAMINA_SERVICE_NAME", "orders");
  private final Logger logger = log.logger("com.example.OrderHandler");

  @Test
  void line_hasFixedFieldsInDocumentedOrder_withExactText() {
    logger.info("Order accepted");

    assertEquals(
        List.of(
            "{\"timestamp\":\"2026-11-22T10:53:11.123Z\",\"level\":\"INFO\",\"message\":\"Order accepted\","
                + "\"logger\":\"com.example.OrderHandler\",\"service\":\"orders\"}"),
        log.rawLines());
  }

  @Test
  void fieldOrder_isFixedThenMdcThenKeyValuesThenError() {
    log.mdc().put("function_request_id", "req-1");
    log.mdc().put("correlation_id", "corr-1");

    logger
        .atWarn()
        .addKeyValue("orderId", 42)
        .setCause(new IllegalStateException("boom"))
        .log("slow");

    assertEquals(
        List.of(
            "timestamp",
            "level",
            "message",
            "logger",
            "service",
            "function_request_id",
            "correlation_id",
            "orderId",
            "error"),
        RecordingLog.fieldNames(log.onlyLine()));
  }

  @Test
  void levelField_isTheSlf4jLevelName() {
    logger.warn("w");
    logger.error("e");

    List<ObjectNode> lines = log.lines();
    assertEquals("WARN", lines.get(0).get("level").asText());
    assertEquals("ERROR", lines.get(1).get("level").asText());
  }

  @Test
  void placeholders_areFilledFromArguments() {
    logger.info("one {}", "a");
    logger.info("two {} {}", "a", 2);
    logger.info("three {} {} {}", "a", 2, true);
    logger.info("escaped \\{} and {}", "x");

    List<ObjectNode> lines = log.lines();
    assertEquals("one a", lines.get(0).get("message").asText());
    assertEquals("two a 2", lines.get(1).get("message").asText());
    assertEquals("three a 2 true", lines.get(2).get("message").asText());
    assertEquals("escaped {} and x", lines.get(3).get("message").asText());
  }

  @Test
  void throwable_isWrittenAsErrorObject_withNameMessageAndStackIncludingCauses() {
    IOException root = new IOException("disk gone");
    IllegalStateException thrown = new IllegalStateException("could not save", root);

    logger.error("Save failed", thrown);

    ObjectNode line = log.onlyLine();
    assertEquals("Save failed", line.get("message").asText());
    JsonNode error = line.get("error");
    assertEquals(List.of("name", "message", "stack"), RecordingLog.fieldNames((ObjectNode) error));
    assertEquals("java.lang.IllegalStateException", error.get("name").asText());
    assertEquals("could not save", error.get("message").asText());
    assertEquals(printStackTrace(thrown), error.get("stack").asText());
    assertTrue(error.get("stack").asText().contains("Caused by: java.io.IOException: disk gone"));
  }

  @Test
  void throwableWithoutMessage_omitsErrorMessage() {
    logger.error("failed", new NullPointerException());

    JsonNode error = log.onlyLine().get("error");
    assertEquals(List.of("name", "stack"), RecordingLog.fieldNames((ObjectNode) error));
  }

  @Test
  void trailingThrowableArgument_fillsPlaceholdersAndBecomesErrorObject() {
    logger.warn("order {} failed", 7, new IllegalArgumentException("bad"));
    logger.atWarn().log("fluent {} failed", 8, new IllegalArgumentException("worse"));

    List<ObjectNode> lines = log.lines();
    assertEquals("order 7 failed", lines.get(0).get("message").asText());
    assertEquals("bad", lines.get(0).get("error").get("message").asText());
    assertEquals("fluent 8 failed", lines.get(1).get("message").asText());
    assertEquals("worse", lines.get(1).get("error").get("message").asText());
  }

  @Test
  void throwableWhoseGetMessageThrows_stillProducesALine() {
    logger.error(
        "failed",
        new RuntimeException() {
          @Override
          public String getMessage() {
            throw new IllegalStateException("no message for you");
          }
        });

    JsonNode error = log.onlyLine().get("error");
    assertEquals(
        "[getMessage() threw java.lang.IllegalStateException]", error.get("message").asText());
    assertTrue(
        error
            .get("stack")
            .asText()
            .startsWith("[printStackTrace() threw java.lang.IllegalStateException]"));
  }

  @Test
  void messageWithNewlinesQuotesAndControlCharacters_staysOnOneLine() {
    String nasty =
        "line1\nline2\r\n\"quoted\" back\\slash \t tab \u0000 nul \u001b[31m esc \u2028 ls "
            + "\ud83d\ude00 emoji, lone \ud800 surrogate";

    logger.info(nasty);
    logger.info("arg: {}", nasty);

    List<String> raw = log.rawLines();
    assertEquals(2, raw.size());
    List<ObjectNode> lines = log.lines();
    assertEquals(nasty, lines.get(0).get("message").asText());
    assertEquals("arg: " + nasty, lines.get(1).get("message").asText());
  }

  @Test
  void argumentWhoseToStringThrows_isReplacedByPlaceholder_andTheLineIsKept() {
    Object broken =
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("broken toString");
          }
        };

    logger.info("value {}", broken);
    logger.atInfo().addKeyValue("value", broken).log("kv");

    List<ObjectNode> lines = log.lines();
    assertEquals("value [FAILED toString()]", lines.get(0).get("message").asText());
    assertTrue(
        lines
            .get(1)
            .get("value")
            .asText()
            .matches("\\[toString\\(\\) of .+ threw java\\.lang\\.IllegalStateException]"),
        lines.get(1).get("value").asText());
  }

  @Test
  void nullMessage_isWrittenAsJsonNull() {
    logger.info(null);

    assertTrue(log.onlyLine().get("message").isNull());
  }

  private static String printStackTrace(Throwable throwable) {
    StringWriter text = new StringWriter();
    try (PrintWriter writer = new PrintWriter(text)) {
      throwable.printStackTrace(writer);
    }
    return text.toString();
  }
}
