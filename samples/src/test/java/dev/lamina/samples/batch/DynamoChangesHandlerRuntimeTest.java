package dev.lamina.samples.batch;

import static dev.lamina.samples.batch.BatchEvents.dynamoRecord;
import static dev.lamina.samples.batch.BatchEvents.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DynamoDB Streams sample under the real runtime interface client, fed batches as Lambda's
 * event source mapping sends them from a {@code NEW_AND_OLD_IMAGES} stream ({@code Keys}, {@code
 * NewImage}, {@code OldImage}, {@code SequenceNumber}, {@code eventName}). A failure must report
 * that record's sequence number only, and nothing after it may have run. One function serves the
 * class.
 */
class DynamoChangesHandlerRuntimeTest {
  private static final String SEQ = "44215845000000000174504390";
  private static final String S1 = SEQ + "91";
  private static final String S2 = SEQ + "92";
  private static final String S3 = SEQ + "93";

  private static LocalLambda lambda;

  @BeforeAll
  static void start() throws IOException {
    lambda =
        LocalLambda.builder()
            .handler(DynamoChangesHandler.class.getName())
            .classPath(FunctionClassPath.ofModule())
            .functionName("order-changes")
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
  void insertUpdateAndRemoval_areActedOnInOrder_fromTheNewImageOrForARemovalTheOldOne() {
    InvocationResult result =
        lambda.invoke(
            records(
                List.of(
                    dynamoRecord("INSERT", S1, "o-1", null, "PLACED"),
                    dynamoRecord("MODIFY", S2, "o-1", "PLACED", "SHIPPED"),
                    dynamoRecord("REMOVE", S3, "o-1", "SHIPPED", null))));

    assertFalse(result.isError(), result::toString);
    assertEquals("{\"batchItemFailures\":[]}", result.body());
    InvocationLog log = InvocationLog.of(lambda, result);
    assertEquals(List.of(S1), log.recordIds("Order created"));
    assertEquals(List.of(S2), log.recordIds("Order updated"));
    assertEquals(List.of(S3), log.recordIds("Order removed"));
    assertEquals(
        List.of("INSERT", "MODIFY", "REMOVE"),
        log.lines().stream()
            .filter(l -> l.has("event_name"))
            .map(l -> l.get("event_name").asText())
            .toList());
  }

  @Test
  void changedItemWithoutAStatus_isTheOnlyRecordReported_andTheChangesAfterItWait() {
    InvocationResult result =
        lambda.invoke(
            records(
                List.of(
                    dynamoRecord("INSERT", S1, "o-2", null, "PLACED"),
                    dynamoRecord("MODIFY", S2, "o-2", "PLACED", null),
                    dynamoRecord("MODIFY", S3, "o-2", "PLACED", "SHIPPED"))));

    assertFalse(result.isError(), result::toString);
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + S2 + "\"}]}", result.body());
    InvocationLog log = InvocationLog.of(lambda, result);
    assertEquals(List.of(S1), log.recordIds("Order created"));
    assertEquals(List.of(), log.recordIds("Order updated"), "the change after it waits");
    assertEquals(List.of(S2), log.failedRecordIds());
    assertTrue(
        lambda.stdoutLines().stream().noneMatch(l -> l.contains("darjeeling")),
        "no item value reaches the logs");
  }
}
