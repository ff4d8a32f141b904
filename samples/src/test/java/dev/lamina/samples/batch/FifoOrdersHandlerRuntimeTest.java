package dev.lamina.samples.batch;

import static dev.lamina.samples.batch.BatchEvents.fifoMessage;
import static dev.lamina.samples.batch.BatchEvents.order;
import static dev.lamina.samples.batch.BatchEvents.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.batch.BatchFailedException;
import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FIFO sample under the real runtime interface client, fed batches of a FIFO queue (ARN ending
 * in {@code .fifo}, messages with {@code MessageGroupId}, {@code SequenceNumber} and {@code
 * MessageDeduplicationId}) as Lambda's event source mapping sends them. A failure must report the
 * failed message and every later one, so SQS delivers them again in order, and nothing after it
 * may have run. One function serves the class; each test reads only its own invocation's lines.
 */
class FifoOrdersHandlerRuntimeTest {
  private static final String SKU = "assam-tgfop";

  private static LocalLambda lambda;

  @BeforeAll
  static void start() throws IOException {
    lambda =
        LocalLambda.builder()
            .handler(FifoOrdersHandler.class.getName())
            .classPath(FunctionClassPath.ofModule())
            .functionName("fifo-orders")
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
  void failedMessage_andEveryLaterOneOfAnyGroup_areReportedInBatchOrder_andNoneOfThemRan() {
    InvocationResult result =
        lambda.invoke(
            records(
                List.of(
                    fifoMessage("a-1", order("o-1", SKU, 1), "customer-a", 1),
                    fifoMessage("b-1", order("o-2", SKU, 2), "customer-b", 2),
                    fifoMessage("a-2", order("o-3", SKU, 0), "customer-a", 3),
                    fifoMessage("b-2", order("o-4", SKU, 1), "customer-b", 4),
                    fifoMessage("a-3", order("o-5", SKU, 1), "customer-a", 5))));

    assertFalse(result.isError(), result::toString);
    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"a-2\"},"
            + "{\"itemIdentifier\":\"b-2\"},{\"itemIdentifier\":\"a-3\"}]}",
        result.body());
    InvocationLog log = InvocationLog.of(lambda, result);
    assertEquals(List.of("a-1", "b-1"), log.recordIds("Order applied"));
    assertEquals(List.of("a-2"), log.failedRecordIds());
    JsonNode summary = log.summary();
    assertEquals(2, summary.get("batch_succeeded").asInt());
    assertEquals(1, summary.get("batch_failed").asInt());
    assertEquals(2, summary.get("batch_skipped").asInt(), "b-2 and a-3 never started");
    assertTrue(
        lambda.stdoutLines().stream().noneMatch(l -> l.contains(SKU)),
        "no payload value reaches the logs");
  }

  @Test
  void batchThatAllSucceeds_appliesEveryMessageInBatchOrder_loggingItsGroup() {
    InvocationResult result =
        lambda.invoke(
            records(
                List.of(
                    fifoMessage("c-1", order("o-6", SKU, 1), "customer-c", 6),
                    fifoMessage("d-1", order("o-7", SKU, 1), "customer-d", 7),
                    fifoMessage("c-2", order("o-8", SKU, 4), "customer-c", 8))));

    assertFalse(result.isError(), result::toString);
    assertEquals("{\"batchItemFailures\":[]}", result.body());
    List<JsonNode> applied = InvocationLog.of(lambda, result).lines("Order applied");
    assertEquals(
        List.of("c-1 customer-c", "d-1 customer-d", "c-2 customer-c"),
        applied.stream()
            .map(l -> l.get("record_id").asText() + " " + l.get("message_group_id").asText())
            .toList());
  }

  @Test
  void firstMessageFailing_failsTheInvocation_soTheWholeBatchComesAgainInOrder() {
    InvocationResult result =
        lambda.invoke(
            records(
                List.of(
                    fifoMessage("e-1", order("o-9", SKU, 0), "customer-e", 9),
                    fifoMessage("e-2", order("o-10", SKU, 1), "customer-e", 10))));

    assertTrue(result.isError(), result::toString);
    assertEquals(BatchFailedException.class.getName(), result.errorType());
    assertEquals(List.of(), InvocationLog.of(lambda, result).recordIds("Order applied"));
  }
}
