package dev.lamina.samples.batch;

import static dev.lamina.samples.batch.BatchEvents.kinesisRecord;
import static dev.lamina.samples.batch.BatchEvents.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kinesis sample under the real runtime interface client, fed batches as Lambda's Kinesis
 * event source mapping sends them (base64 data, sequence numbers, {@code shardId-...:seq} event
 * ids). A failure must report that record's sequence number only, where Lambda resumes the shard,
 * and nothing after it may have run. One function serves the class.
 */
class KinesisEventsHandlerRuntimeTest {
  private static final String SEQ = "4959033827149025660855969253836157109592157598913658";
  private static final String S1 = SEQ + "8898";
  private static final String S2 = SEQ + "8899";
  private static final String S3 = SEQ + "8900";
  private static final String S4 = SEQ + "8901";

  private static LocalLambda lambda;

  @BeforeAll
  static void start() throws IOException {
    lambda =
        LocalLambda.builder()
            .handler(KinesisEventsHandler.class.getName())
            .classPath(FunctionClassPath.ofModule())
            .functionName("click-events")
            .environment("AWS_LAMBDA_LOG_FORMAT", "JSON")
            .start();
  }

  @AfterAll
  static void stop() {
    if (lambda != null) {
      lambda.close();
    }
  }

  private static String click(String userId, String page) {
    return "{\"userId\":\"" + userId + "\",\"page\":\"" + page + "\"}";
  }

  @Test
  void clickWithoutAPage_isTheOnlyRecordReported_andTheRecordsAfterItDoNotRun() {
    InvocationResult result =
        lambda.invoke(
            records(
                List.of(
                    kinesisRecord(S1, "u-1", click("u-1", "/teas/oolong")),
                    kinesisRecord(S2, "u-2", "{\"userId\":\"u-2\"}"),
                    kinesisRecord(S3, "u-1", click("u-1", "/basket")),
                    kinesisRecord(S4, "u-3", click("u-3", "/teas")))));

    assertFalse(result.isError(), result::toString);
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + S2 + "\"}]}", result.body());
    InvocationLog log = InvocationLog.of(lambda, result);
    assertEquals(List.of(S1), log.recordIds("Click counted"));
    assertEquals(List.of(S2), log.failedRecordIds());
    assertEquals(2, log.summary().get("batch_skipped").asInt());
    assertTrue(
        lambda.stdoutLines().stream().noneMatch(l -> l.contains("/teas")),
        "no payload value reaches the logs");
  }

  @Test
  void dataThatIsNotJson_isReportedBySequenceNumber() {
    InvocationResult result =
        lambda.invoke(
            records(
                List.of(
                    kinesisRecord(S1, "u-1", click("u-1", "/teas/sencha")),
                    kinesisRecord(S2, "u-1", click("u-1", "/teas/matcha")),
                    kinesisRecord(S3, "u-4", "userId=u-4&page=/teas"))));

    assertFalse(result.isError(), result::toString);
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + S3 + "\"}]}", result.body());
    assertEquals(List.of(S1, S2), InvocationLog.of(lambda, result).recordIds("Click counted"));
  }

  @Test
  void batchThatAllSucceeds_answersAnEmptyFailureList_countingInShardOrder() {
    InvocationResult result =
        lambda.invoke(
            records(
                List.of(
                    kinesisRecord(S1, "u-5", click("u-5", "/")),
                    kinesisRecord(S2, "u-6", click("u-6", "/teas")),
                    kinesisRecord(S3, "u-5", click("u-5", "/basket")))));

    assertFalse(result.isError(), result::toString);
    assertEquals("{\"batchItemFailures\":[]}", result.body());
    List<JsonNode> counted = InvocationLog.of(lambda, result).lines("Click counted");
    assertEquals(
        List.of(S1, S2, S3), counted.stream().map(l -> l.get("record_id").asText()).toList());
    for (JsonNode line : counted) {
      assertEquals("shardId-000000000000", line.get("shard_id").asText(), line.toString());
    }
  }
}
