package dev.lamina.samples.batch;

import static dev.lamina.samples.batch.BatchEvents.order;
import static dev.lamina.samples.batch.BatchEvents.records;
import static dev.lamina.samples.batch.BatchEvents.sqsMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.batch.BatchFailedException;
import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The standard-queue sample under the real runtime interface client, fed batches as Lambda's SQS
 * event source mapping sends them. The answer must name exactly the messages to retry (SQS
 * deletes the others), and only the others may have had their side effect. One function serves
 * the class; each test reads only its own invocation's log lines.
 */
class SqsOrdersHandlerRuntimeTest {
  private static final String SKU = "darjeeling-ftgfop1";
  private static final String M1 = "059f36b4-87a3-44ab-83d2-661975830a7d";
  private static final String M2 = "2e1424d4-f796-459a-8184-9c92662be6da";
  private static final String M3 = "6c3bd3a5-3c4e-4b31-a4f1-0fa7f0f1c9e2";
  private static final String M4 = "9d0e4f52-1a7b-4c55-b1b8-52d1a3d6c7f0";

  private static LocalLambda lambda;

  @BeforeAll
  static void start() throws IOException {
    lambda =
        LocalLambda.builder()
            .handler(SqsOrdersHandler.class.getName())
            .classPath(FunctionClassPath.ofModule())
            .functionName("sqs-orders")
            .environment("AWS_LAMBDA_LOG_FORMAT", "JSON")
            .start();
  }

  @AfterAll
  static void stop() {
    if (lambda != null) {
      lambda.close();
    }
  }

  @Test
  void rejectedAndPoisonMessages_areReportedExactly_andTheRestAreReserved() {
    InvocationResult result =
        lambda.invoke(
            records(
                List.of(
                    sqsMessage(M1, order("o-1", SKU, 2), 1),
                    sqsMessage(M2, order("o-2", SKU, 0), 3),
                    sqsMessage(M3, "<order id=\"o-3\" sku=\"" + SKU + "\"/>", 1),
                    sqsMessage(M4, order("o-4", SKU, 1), 1))));

    assertFalse(result.isError(), result::toString);
    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\""
            + M2
            + "\"},"
            + "{\"itemIdentifier\":\""
            + M3
            + "\"}]}",
        result.body());
    InvocationLog log = InvocationLog.of(lambda, result);
    assertEquals(
        List.of(M1, M4),
        log.recordIds("Order reserved").stream().sorted().toList(),
        "every other message had its side effect, on one of four worker threads");
    assertEquals(List.of(M2, M3), log.failedRecordIds().stream().sorted().toList());
    JsonNode summary = log.summary();
    assertEquals(4, summary.get("batch_records").asInt());
    assertEquals(2, summary.get("batch_succeeded").asInt());
    assertEquals(2, summary.get("batch_reported").asInt());
    assertTrue(
        lambda.stdoutLines().stream().noneMatch(l -> l.contains(SKU)),
        "no payload value reaches the logs, the poison body included");
  }

  @Test
  void batchThatAllSucceeds_answersAnEmptyFailureList_andLogsTheDeliveryCount() {
    InvocationResult result =
        lambda.invoke(
            records(
                List.of(
                    sqsMessage(M1, order("o-5", SKU, 1), 1),
                    sqsMessage(M2, order("o-6", SKU, 3), 2))));

    assertFalse(result.isError(), result::toString);
    assertEquals("{\"batchItemFailures\":[]}", result.body());
    List<JsonNode> reserved = InvocationLog.of(lambda, result).lines("Order reserved");
    assertEquals(2, reserved.size());
    for (JsonNode line : reserved) {
      assertEquals(
          line.get("record_id").asText().equals(M1) ? 1 : 2,
          line.get("attempt").asInt(),
          line.toString());
      assertEquals("aws:sqs", line.get("record_event_source").asText());
    }
  }

  @Test
  void batchThatAllFails_failsTheInvocation_soLambdaRetriesItWhole() {
    InvocationResult result =
        lambda.invoke(
            records(
                List.of(
                    sqsMessage(M1, order("o-7", SKU, 0), 1),
                    sqsMessage(M2, order("o-8", SKU, -1), 1))));

    assertTrue(result.isError(), result::toString);
    assertEquals(BatchFailedException.class.getName(), result.errorType());
    assertEquals(List.of(), InvocationLog.of(lambda, result).recordIds("Order reserved"));
  }

  @Test
  void invokedWithLessTimeLeftThanTheTimeGuardMargin_startsNoMessage_andTheBatchIsRetried() {
    InvocationResult result =
        lambda.invoke(
            records(
                List.of(
                    sqsMessage(M1, order("o-9", SKU, 1), 1),
                    sqsMessage(M2, order("o-10", SKU, 1), 1))),
            Duration.ofMillis(900));

    assertTrue(result.isError(), "nothing succeeded, so the whole batch fails: " + result);
    assertEquals(BatchFailedException.class.getName(), result.errorType());
    InvocationLog log = InvocationLog.of(lambda, result);
    assertEquals(List.of(), log.recordIds("Order reserved"));
    assertEquals(2, log.summary().get("batch_cut").asInt(), log::toString);
  }
}
