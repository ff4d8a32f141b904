package dev.lamina.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** MDC entries and fluent key-value pairs as top-level fields. */
class ContextFieldsTest {

  private final RecordingLog log = RecordingLog.withEnv();
  private final Logger logger = log.logger("ctx");

  @AfterEach
  void clearMdc() {
    log.mdc().clear();
  }

  @Test
  void mdcEntries_appearAsTopLevelFields_inInsertionOrder_andAreAbsentAfterClear() {
    log.mdc().put("function_request_id", "req-1");
    log.mdc().put("function_name", "orders-fn");
    log.mdc().put("xray_trace_id", "Root=1-abc");
    logger.info("during");
    log.mdc().clear();
    logger.info("after");

    List<ObjectNode> lines = log.lines();
    assertEquals(
        List.of(
            "timestamp",
            "level",
            "message",
            "logger",
            "service",
            "function_request_id",
            "function_name",
            "xray_trace_id"),
        RecordingLog.fieldNames(lines.get(0)));
    assertEquals("req-1", lines.get(0).get("function_request_id").asText());
    assertEquals("orders-fn", lines.get(0).get("function_name").asText());
    assertEquals(
        List.of("timestamp", "level", "message", "logger", "service"),
        RecordingLog.fieldNames(lines.get(1)));
  }

  @Test
  void removedMdcEntry_isAbsent() {
    log.mdc().put("a", "1");
    log.mdc().put("b", "2");
    log.mdc().remove("a");
    logger.info("x");

    ObjectNode line = log.onlyLine();
    assertFalse(line.has("a"));
    assertEquals("2", line.get("b").asText());
  }

  @Test
  void coldStart_isBoolean_andMemorySize_isNumber() {
    log.mdc().put("cold_start", "true");
    log.mdc().put("function_memory_size", "1024");
    logger.info("x");
    log.mdc().put("cold_start", "false");
    logger.info("y");

    List<ObjectNode> lines = log.lines();
    assertTrue(lines.get(0).get("cold_start").isBoolean());
    assertTrue(lines.get(0).get("cold_start").booleanValue());
    assertTrue(lines.get(0).get("function_memory_size").isIntegralNumber());
    assertEquals(1024, lines.get(0).get("function_memory_size").intValue());
    assertFalse(lines.get(1).get("cold_start").booleanValue());
  }

  @Test
  void coldStartAndMemorySizeThatDoNotParse_areKeptAsStrings() {
    log.mdc().put("cold_start", "maybe");
    log.mdc().put("function_memory_size", "1024MB");
    logger.info("x");

    ObjectNode line = log.onlyLine();
    assertEquals("maybe", line.get("cold_start").textValue());
    assertEquals("1024MB", line.get("function_memory_size").textValue());
  }

  @Test
  void otherNumericLookingMdcValues_stayStrings() {
    log.mdc().put("correlation_id", "12345");
    logger.info("x");

    assertEquals("12345", log.onlyLine().get("correlation_id").textValue());
  }

  @Test
  void oddMdcValues_nullAndControlCharacters_doNotCostTheLine() {
    log.mdc().put("nothing", null);
    log.mdc().put("weird", "a\nb\"c\u0007");
    logger.info("x");

    ObjectNode line = log.onlyLine();
    assertTrue(line.get("nothing").isNull());
    assertEquals("a\nb\"c\u0007", line.get("weird").textValue());
  }

  @Test
  void mdcKeysNamedLikeFixedFields_areSkipped_soNoKeyRepeats() {
    log.mdc().put("message", "spoofed");
    log.mdc().put("level", "spoofed");
    log.mdc().put("ok", "1");
    logger.info("real");

    ObjectNode line = log.onlyLine();
    assertEquals("real", line.get("message").asText());
    assertEquals("INFO", line.get("level").asText());
    assertEquals("1", line.get("ok").asText());
  }

  @Test
  void fluentKeyValues_becomeTypedTopLevelFields_afterMdc() {
    log.mdc().put("function_request_id", "req-1");

    logger
        .atInfo()
        .addKeyValue("orderId", 42L)
        .addKeyValue("customer", "c-7")
        .addKeyValue("express", true)
        .addKeyValue("weight", 1.5)
        .addKeyValue("price", new BigDecimal("9.99"))
        .addKeyValue("note", (Object) null)
        .log("Order {} accepted", 42);

    ObjectNode line = log.onlyLine();
    assertEquals(
        List.of(
            "timestamp",
            "level",
            "message",
            "logger",
            "service",
            "function_request_id",
            "orderId",
            "customer",
            "express",
            "weight",
            "price",
            "note"),
        RecordingLog.fieldNames(line));
    assertEquals("Order 42 accepted", line.get("message").asText());
    assertEquals(42L, line.get("orderId").longValue());
    assertEquals("c-7", line.get("customer").textValue());
    assertTrue(line.get("express").booleanValue());
    assertEquals(1.5, line.get("weight").doubleValue());
    assertEquals("9.99", line.get("price").textValue());
    assertTrue(line.get("note").isNull());
  }

  @Test
  void keyValue_replacesMdcEntryOfTheSameName_andLastPairWins() {
    log.mdc().put("tenant", "from-mdc");

    logger.atInfo().addKeyValue("tenant", "first").addKeyValue("tenant", "second").log("x");

    ObjectNode line = log.onlyLine();
    assertEquals(
        List.of("timestamp", "level", "message", "logger", "service", "tenant"),
        RecordingLog.fieldNames(line));
    assertEquals("second", line.get("tenant").textValue());
  }

  @Test
  void fluentApi_belowThreshold_writesNothing() {
    logger.atDebug().addKeyValue("k", "v").log("hidden");

    assertEquals(List.of(), log.rawLines());
  }

  @Test
  void mdcOfOneThread_isNotSeenByLinesFromAnotherThread() throws InterruptedException {
    log.mdc().put("function_request_id", "req-main");
    Thread other = new Thread(() -> logger.info("from other thread"));
    other.start();
    other.join();

    assertFalse(log.onlyLine().has("function_request_id"));
  }
}
