package dev.lamina.test.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.MutableClock;
import dev.lamina.test.TestHandlers;
import dev.lamina.test.eventsource.Delivery;
import dev.lamina.test.eventsource.Delivery.Outcome;
import dev.lamina.test.handlers.BatchCommandHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stream mappings' contract, against a tiny batch function (not Lamina) under the real
 * runtime client: what a response does to the checkpoint, how an invalid one fails the whole
 * batch, how a failing batch is bisected, and what is skipped after the retries or the record age
 * run out. One function serves the class; each test has its own stream.
 */
class StreamMappingContractTest {

  private static final Duration IDLE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalLambda lambda;

  @BeforeAll
  static void start() {
    lambda =
        LocalLambda.builder()
            .handler(TestHandlers.handler(BatchCommandHandler.class))
            .classPath(TestHandlers.classPath())
            .functionName("batch-commands")
            .start();
  }

  @AfterAll
  static void stop() {
    if (lambda != null) {
      lambda.close();
    }
  }

  private static KinesisEventSource.Builder kinesis() {
    return KinesisEventSource.builder().streamName("contract").function(lambda).enabled(false);
  }

  private static List<String> put(KinesisEventSource source, String... commands) {
    List<String> sequences = new ArrayList<>();
    for (String command : commands) {
      sequences.add(source.putRecord("one-key", command));
    }
    return sequences;
  }

  private static List<String> checkpointed(StreamEventSource source) {
    return source.checkpoints().stream()
        .map(Checkpoint::sequenceNumber)
        .collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bad-id", "empty-id", "null-id", "bad-key", "number-id", "not-json"})
  void invalidPartialResponse_failsTheWholeBatch_andNothingIsCheckpointedUntilItIsSkipped(
      String command) {
    try (KinesisEventSource source = kinesis().maximumRetryAttempts(1).start()) {
      List<String> seq = put(source, "ok", command);
      source.enable();
      source.awaitIdle(IDLE);

      List<Delivery> deliveries = source.deliveries();
      assertEquals(2, deliveries.size(), deliveries::toString);
      for (Delivery d : deliveries) {
        assertEquals(Outcome.INVALID_RESPONSE, d.outcome(), d::toString);
        assertEquals(seq, d.recordIds(), "the record before it is not checkpointed either");
      }
      OnFailureRecord skipped = source.onFailureRecords().get(0);
      assertEquals(OnFailureRecord.RETRY_ATTEMPTS_EXHAUSTED, skipped.condition());
      assertEquals(seq, skipped.recordIds());
      assertEquals(2, skipped.approximateInvokeCount());
      assertEquals(List.of(seq.get(1)), checkpointed(source), "only the skip moves it");
    }
  }

  @Test
  void partialResponse_checkpointsBeforeTheLowestReportedRecord_andRetriesFromIt() {
    try (KinesisEventSource source = kinesis().start()) {
      List<String> seq = put(source, "ok", "ok", "fail-once", "ok", "fail-once");
      source.enable();
      source.awaitIdle(IDLE);

      List<Delivery> deliveries = source.deliveries();
      assertEquals(2, deliveries.size(), deliveries::toString);
      assertEquals(Outcome.PARTIAL_FAILURE, deliveries.get(0).outcome());
      assertEquals(List.of(seq.get(2), seq.get(4)), deliveries.get(0).reportedIds());
      assertEquals(
          seq.subList(2, 5),
          deliveries.get(1).recordIds(),
          "retried from the lowest reported record, never skipping it");
      assertEquals(Outcome.SUCCESS, deliveries.get(1).outcome());
      assertEquals(List.of(seq.get(1), seq.get(4)), checkpointed(source));
      assertEquals(List.of(), source.onFailureRecords());
    }
  }

  @Test
  void bisectOnFunctionError_splitsTheBatchInHalves_untilTheFailingRecordIsAlone() {
    try (KinesisEventSource source =
        kinesis().batchSize(8).bisectBatchOnFunctionError(true).maximumRetryAttempts(0).start()) {
      List<String> s = put(source, "ok", "ok", "ok", "ok", "throw", "ok", "ok", "ok");
      source.enable();
      source.awaitIdle(IDLE);

      List<String> batches =
          source.deliveries().stream()
              .map(
                  d ->
                      d.recordIds().stream()
                              .map(s::indexOf)
                              .map(i -> Integer.toString(i + 1))
                              .collect(Collectors.joining(","))
                          + " "
                          + d.outcome())
              .collect(Collectors.toList());
      assertEquals(
          List.of(
              "1,2,3,4,5,6,7,8 FUNCTION_ERROR",
              "1,2,3,4 SUCCESS",
              "5,6,7,8 FUNCTION_ERROR",
              "5,6 FUNCTION_ERROR",
              "5 FUNCTION_ERROR",
              "6 SUCCESS",
              "7,8 SUCCESS"),
          batches,
          "a split is not a retry; the lone record has none left");
      OnFailureRecord skipped = source.onFailureRecords().get(0);
      assertEquals(List.of(s.get(4)), skipped.recordIds());
      assertEquals(4, skipped.approximateInvokeCount(), "it was in four invocations");
      assertEquals(List.of(s.get(3), s.get(4), s.get(5), s.get(7)), checkpointed(source));
      JsonNode message = read(skipped.json());
      assertEquals("RetryAttemptsExhausted", message.at("/requestContext/condition").asText());
      assertEquals("Unhandled", message.at("/responseContext/functionError").asText());
      assertEquals(s.get(4), message.at("/KinesisBatchInfo/startSequenceNumber").asText());
      assertEquals(1, message.at("/KinesisBatchInfo/batchSize").asInt());
      assertEquals(source.eventSourceArn(), message.at("/KinesisBatchInfo/streamArn").asText());
    }
  }

  @Test
  void functionErrorWithoutBisect_retriesTheSameBatch_thenSkipsItWhole() {
    try (KinesisEventSource source = kinesis().maximumRetryAttempts(2).start()) {
      List<String> seq = put(source, "ok", "throw", "ok");
      source.enable();
      source.awaitIdle(IDLE);

      assertEquals(3, source.deliveries().size(), "the first try and two retries");
      source.deliveries().forEach(d -> assertEquals(seq, d.recordIds()));
      assertEquals(seq, source.onFailureRecords().get(0).recordIds());
      assertEquals(List.of(seq.get(2)), checkpointed(source));
    }
  }

  @Test
  void recordsOlderThanTheMaximumAge_areSkippedWithoutAnInvocation() {
    MutableClock clock = MutableClock.atSystemTime();
    try (KinesisEventSource source =
        kinesis().clock(clock).maximumRecordAge(Duration.ofSeconds(60)).start()) {
      List<String> old = put(source, "ok", "ok");
      clock.advance(Duration.ofSeconds(61));
      List<String> fresh = put(source, "ok");
      source.enable();
      source.awaitIdle(IDLE);

      OnFailureRecord skipped = source.onFailureRecords().get(0);
      assertEquals(OnFailureRecord.RECORD_AGE_EXCEEDED, skipped.condition());
      assertEquals(old, skipped.recordIds());
      assertEquals(0, skipped.approximateInvokeCount());
      assertEquals(1, source.deliveries().size());
      assertEquals(fresh, source.deliveries().get(0).recordIds());
    }
  }

  @Test
  void batchingWindow_gathersRecordsUntilItCloses_onTheMappingsClock() {
    MutableClock clock = MutableClock.atSystemTime();
    try (KinesisEventSource source =
        KinesisEventSource.builder()
            .streamName("window")
            .function(lambda)
            .clock(clock)
            .batchSize(10)
            .maximumBatchingWindow(Duration.ofSeconds(60))
            .start()) {
      List<String> seq = put(source, "ok", "ok");
      // A bounded check that nothing is delivered while the window is open.
      assertThrows(
          dev.lamina.test.eventsource.EventSourceException.class,
          () -> source.awaitIdle(Duration.ofMillis(500)));
      assertEquals(List.of(), source.deliveries());
      clock.advance(Duration.ofSeconds(60));
      source.awaitIdle(IDLE);

      assertEquals(1, source.deliveries().size());
      assertEquals(seq, source.deliveries().get(0).recordIds());
    }
  }

  @Test
  void kinesisEvent_carriesEveryFieldLambdaSets() {
    try (KinesisEventSource source = kinesis().region("eu-west-1").start()) {
      String seq = source.putRecord("user-7", "ok");
      source.enable();
      source.awaitIdle(IDLE);

      JsonNode record = read(source.deliveries().get(0).event()).get("Records").get(0);
      assertEquals("1.0", record.at("/kinesis/kinesisSchemaVersion").asText());
      assertEquals("user-7", record.at("/kinesis/partitionKey").asText());
      assertEquals(seq, record.at("/kinesis/sequenceNumber").asText());
      assertEquals("b2s=", record.at("/kinesis/data").asText());
      assertTrue(record.at("/kinesis/approximateArrivalTimestamp").isNumber());
      assertEquals("aws:kinesis", record.get("eventSource").asText());
      assertEquals("1.0", record.get("eventVersion").asText());
      assertEquals("shardId-000000000000:" + seq, record.get("eventID").asText());
      assertEquals("aws:kinesis:record", record.get("eventName").asText());
      assertEquals(
          "arn:aws:iam::123456789012:role/batch-commands-role",
          record.get("invokeIdentityArn").asText());
      assertEquals("eu-west-1", record.get("awsRegion").asText());
      assertEquals(
          "arn:aws:kinesis:eu-west-1:123456789012:stream/contract",
          record.get("eventSourceARN").asText());
    }
  }

  @Test
  void kafkaPartialResponse_namesRecordsByPartitionAndOffset_andEachPartitionKeepsItsOwnOffset() {
    try (KafkaEventSource source =
        KafkaEventSource.builder()
            .topic("orders")
            .partitions(2)
            .function(lambda)
            .enabled(false)
            .start()) {
      source.send(0, "k", "ok");
      source.send(0, "k", "fail-once");
      source.send(0, "k", "ok");
      source.send(1, "k", "ok");
      source.enable();
      source.awaitIdle(IDLE);

      List<Delivery> deliveries = source.deliveries();
      assertEquals(3, deliveries.size(), deliveries::toString);
      Delivery first = deliveries.get(0);
      assertEquals("orders-0", first.source());
      assertEquals(Outcome.PARTIAL_FAILURE, first.outcome());
      assertEquals(List.of("orders-0@1"), first.reportedIds());
      assertEquals(List.of("orders-1@0"), deliveries.get(1).recordIds(), "partitions take turns");
      assertEquals(List.of("orders-0@1", "orders-0@2"), deliveries.get(2).recordIds());
      assertEquals(Optional.of("2"), source.checkpoint("orders-0"));
      assertEquals(Optional.of("0"), source.checkpoint("orders-1"));
      JsonNode event = read(first.event());
      assertEquals("aws:kafka", event.get("eventSource").asText());
      JsonNode record = event.at("/records/orders-0/1");
      assertEquals("orders", record.get("topic").asText());
      assertEquals(1, record.get("offset").asLong());
      assertEquals("CREATE_TIME", record.get("timestampType").asText());
      assertEquals("aw==", record.get("key").asText());
    }
  }

  @Test
  void kafkaIdentifierAsPlainText_isMalformed_andFailsTheWholeBatch() {
    try (KafkaEventSource source =
        KafkaEventSource.builder()
            .topic("t")
            .function(
                (event, timeout) ->
                    java.util.concurrent.CompletableFuture.completedFuture(
                        dev.lamina.test.InvocationResult.response(
                            "r-1",
                            "{\"batchItemFailures\":[{\"itemIdentifier\":\"t-0@0\"}]}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            java.time.Instant.now())))
            .maximumRetryAttempts(0)
            .start()) {
      source.send(0, null, "ok");
      source.awaitIdle(IDLE);

      Delivery d = source.deliveries().get(0);
      assertEquals(Outcome.INVALID_RESPONSE, d.outcome());
      assertTrue(d.detail().contains("[batchItemFailures[0].itemIdentifier]"), d.detail());
    }
  }

  @Test
  void inMemoryDynamoDbShard_deliversTypedImages_asTheViewTypeHasThem() {
    try (DynamoDbStreamEventSource source =
        DynamoDbStreamEventSource.builder().tableName("orders").function(lambda).start()) {
      String seq =
          source.modify(
              Map.of("orderId", "o-1"),
              Map.of("orderId", "o-1", "cmd", "ok", "n", 1),
              Map.of("orderId", "o-1", "cmd", "ok", "n", 2, "tags", List.of("a", true)));
      source.awaitIdle(IDLE);

      JsonNode record = read(source.deliveries().get(0).event()).get("Records").get(0);
      assertEquals("MODIFY", record.get("eventName").asText());
      assertEquals("aws:dynamodb", record.get("eventSource").asText());
      assertEquals("1.1", record.get("eventVersion").asText());
      assertEquals("{\"S\":\"o-1\"}", record.at("/dynamodb/Keys/orderId").toString());
      assertEquals("{\"N\":\"2\"}", record.at("/dynamodb/NewImage/n").toString());
      assertEquals(
          "{\"L\":[{\"S\":\"a\"},{\"BOOL\":true}]}",
          record.at("/dynamodb/NewImage/tags").toString());
      assertEquals("{\"N\":\"1\"}", record.at("/dynamodb/OldImage/n").toString());
      assertEquals(seq, record.at("/dynamodb/SequenceNumber").asText());
      assertEquals("NEW_AND_OLD_IMAGES", record.at("/dynamodb/StreamViewType").asText());
      assertTrue(record.at("/dynamodb/ApproximateCreationDateTime").isIntegralNumber());
      assertTrue(
          record
              .get("eventSourceARN")
              .asText()
              .startsWith("arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/"));
    }
  }

  @Test
  void settingsOutsideLambdasRanges_areRejected_namingEachSetting() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KinesisEventSource.builder()
                    .batchSize(0)
                    .maximumRetryAttempts(-2)
                    .maximumRecordAge(Duration.ofSeconds(5))
                    .start());
    assertTrue(e.getMessage().contains("[function]"), e.getMessage());
    assertTrue(e.getMessage().contains("[batchSize]"), e.getMessage());
    assertTrue(e.getMessage().contains("[maximumRetryAttempts]"), e.getMessage());
    assertTrue(e.getMessage().contains("[maximumRecordAge]"), e.getMessage());
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
