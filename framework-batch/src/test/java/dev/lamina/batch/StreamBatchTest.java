package dev.lamina.batch;

import static dev.lamina.batch.Batches.reported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kinesis, DynamoDB Streams and Kafka batches: checkpoints that never skip a record. */
class StreamBatchTest {

  /** Records the data it sees; fails on data starting with "fail". */
  static final class Recorder implements RecordHandler<String> {
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void handle(String data, RecordContext context) {
      seen.add(data);
      if (data.startsWith("fail")) {
        throw new IllegalStateException("cannot process");
      }
    }
  }

  private static <E> Object process(
      Class<E> type, E event, RecordHandler<String> handler, BatchConfig config) throws Exception {
    return BatchProcessor.builder(type, String.class, handler)
        .config(config)
        .handlerClass(StreamBatchTest.class)
        .build()
        .process(event, Batches.invocation());
  }

  private static KinesisEvent kinesisBatch(String... data) {
    List<KinesisEvent.KinesisEventRecord> records = new ArrayList<>();
    for (int i = 0; i < data.length; i++) {
      // Sequence numbers as Kinesis writes them: 56 digits, beyond a long.
      records.add(
          Batches.kinesis(
              "4954511524349098501828006771497314458218006259324420" + (1000 + i),
              "key-" + (i % 3),
              data[i]));
    }
    return Batches.kinesis(records);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 3})
  void kinesis_stopsAtTheFirstFailure_andReportsOnlyIt(int parallelism) throws Exception {
    KinesisEvent event = kinesisBatch("a", "b", "fail-c", "d", "e", "f");
    Recorder recorder = new Recorder();

    Object response =
        process(
            KinesisEvent.class,
            event,
            recorder,
            BatchConfig.custom().parallelism(parallelism).build());

    assertTrue(response instanceof StreamsEventResponse);
    assertEquals(
        List.of(event.getRecords().get(2).getKinesis().getSequenceNumber()),
        reported(response),
        "Lambda resumes from the failed record");
    assertTrue(
        recorder.seen.containsAll(List.of("a", "b", "fail-c")),
        "everything before the failure ran, with workers too: " + recorder.seen);
    if (parallelism == 1) {
      assertEquals(List.of("a", "b", "fail-c"), recorder.seen, "nothing after it ran");
    }
  }

  @Test
  void kinesis_continueMode_runsEverything_andReportsEveryFailure_lowestFirst() throws Exception {
    KinesisEvent event = kinesisBatch("a", "fail-b", "c", "fail-d");
    Recorder recorder = new Recorder();

    Object response =
        process(
            KinesisEvent.class,
            event,
            recorder,
            BatchConfig.custom().streamMode(StreamMode.CONTINUE).build());

    assertEquals(List.of(seq(event, 1), seq(event, 3)), reported(response));
    assertEquals(4, recorder.seen.size());
  }

  private static String seq(KinesisEvent event, int i) {
    return event.getRecords().get(i).getKinesis().getSequenceNumber();
  }

  @Test
  void kinesis_realFixture_decodesBase64Data() throws Exception {
    KinesisEvent event = Batches.fixture("kinesis_event.json", KinesisEvent.class);
    Recorder recorder = new Recorder();

    assertEquals(
        List.of(), reported(process(KinesisEvent.class, event, recorder, BatchConfig.defaults())));
    assertEquals(List.of("Hello, this is a test 123."), recorder.seen);
  }

  @Test
  void kinesis_inParallel_keepsEachPartitionKeysOrder() throws Exception {
    String[] data = new String[90];
    for (int i = 0; i < data.length; i++) {
      data[i] = "d" + i;
    }
    KinesisEvent event = kinesisBatch(data);
    Map<String, List<String>> seen = new java.util.concurrent.ConcurrentHashMap<>();

    process(
        KinesisEvent.class,
        event,
        (d, c) ->
            seen.computeIfAbsent(
                    c.partitionKey().orElseThrow(),
                    k -> Collections.synchronizedList(new ArrayList<>()))
                .add(d),
        BatchConfig.custom().parallelism(3).build());

    for (int k = 0; k < 3; k++) {
      List<String> expected = new ArrayList<>();
      for (int i = k; i < data.length; i += 3) {
        expected.add("d" + i);
      }
      assertEquals(expected, seen.get("key-" + k));
    }
  }

  @Test
  void dynamodb_stopsAtTheFirstFailure_comparingSequenceNumbersAsNumbers() throws Exception {
    // 21 to 40 digits: "999..." sorts after "1000..." as text but before it as a number.
    DynamodbEvent event =
        Batches.dynamo(
            List.of(
                Batches.dynamo("999999999999999999999", "1", "ok"),
                Batches.dynamo("1000000000000000000000", "2", "fail"),
                Batches.dynamo("1000000000000000000001", "3", "ok")));
    List<String> seen = new ArrayList<>();
    RecordHandler<Map<String, Object>> handler =
        (image, context) -> {
          seen.add(
              context.eventName().orElse("?") + " " + image.get("Id") + " " + image.get("Message"));
          if ("fail".equals(image.get("Message"))) {
            throw new IllegalStateException("cannot apply the change");
          }
        };

    Object response =
        BatchProcessor.builder(DynamodbEvent.class, Map.class, handler)
            .handlerClass(StreamBatchTest.class)
            .build()
            .process(event, Batches.invocation());

    assertEquals(List.of("1000000000000000000000"), reported(response));
    assertEquals(List.of("INSERT 1 ok", "INSERT 2 fail"), seen, "numbers stay exact");
  }

  @Test
  void dynamodb_failedRecordWithoutASequenceNumber_failsTheInvocation_neverDropped() {
    DynamodbEvent event =
        Batches.dynamo(
            List.of(Batches.dynamo("100", "1", "ok"), Batches.dynamo(null, "2", "fail")));
    RecordHandler<Map<String, Object>> handler =
        (image, context) -> {
          if ("fail".equals(image.get("Message"))) {
            throw new IllegalStateException("cannot apply the change");
          }
        };

    assertThrows(
        BatchResponseException.class,
        () ->
            BatchProcessor.builder(DynamodbEvent.class, Map.class, handler)
                .handlerClass(StreamBatchTest.class)
                .build()
                .process(event, Batches.invocation()));
  }

  @Test
  void dynamodb_realFixture_givesTypedImages() throws Exception {
    DynamodbEvent event = Batches.fixture("dynamo_event.json", DynamodbEvent.class);
    record Item(long Id, String Message) {}
    List<String> seen = new ArrayList<>();

    Object response =
        BatchProcessor.builder(
                DynamodbEvent.class,
                Item.class,
                (Item item, RecordContext c) ->
                    seen.add(c.eventName().orElse("") + ":" + item.Message()))
            .handlerClass(StreamBatchTest.class)
            .build()
            .process(event, Batches.invocation());

    assertEquals(List.of(), reported(response));
    assertEquals(
        List.of("INSERT:New item!", "MODIFY:This item has changed", "REMOVE:This item has changed"),
        seen,
        "a REMOVE gets its old image");
  }

  @Test
  void kafka_stopsPerPartition_andReportsTheEarliestFailedOffsetOfEach() throws Exception {
    Map<String, List<KafkaEvent.KafkaEventRecord>> partitions = new LinkedHashMap<>();
    partitions.put(
        "orders-0",
        List.of(
            Batches.kafka("orders", 0, 10, "a"),
            Batches.kafka("orders", 0, 11, "fail-b"),
            Batches.kafka("orders", 0, 12, "c")));
    partitions.put(
        "orders-1",
        List.of(Batches.kafka("orders", 1, 7, "d"), Batches.kafka("orders", 1, 8, "e")));
    partitions.put("orders-2", List.of(Batches.kafka("orders", 2, 3, "fail-f")));
    Recorder recorder = new Recorder();

    Object response =
        process(
            KafkaEvent.class,
            Batches.kafka(partitions),
            recorder,
            BatchConfig.custom().parallelism(2).build());

    assertEquals(
        List.of(
            new KafkaBatchResponse.ItemIdentifier("orders-0", 11),
            new KafkaBatchResponse.ItemIdentifier("orders-2", 3)),
        reported(response));
    assertTrue(!recorder.seen.contains("c"), "orders-0 stopped at its failure");
    assertTrue(recorder.seen.containsAll(List.of("d", "e")), "orders-1 went on");
    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":{\"partition\":\"orders-0\","
            + "\"offset\":11}},{\"itemIdentifier\":{\"partition\":\"orders-2\",\"offset\":3}}]}",
        new String(Batches.CODEC.writeBytes(response), java.nio.charset.StandardCharsets.UTF_8),
        "the shape Lambda's Kafka partial batch response expects");
  }

  @Test
  void kafka_realFixture_decodesTheValue() throws Exception {
    KafkaEvent event = Batches.fixture("kafka_event.json", KafkaEvent.class);
    Recorder recorder = new Recorder();

    assertEquals(
        List.of(), reported(process(KafkaEvent.class, event, recorder, BatchConfig.defaults())));
    assertEquals(List.of("Hello from Kafka !!"), recorder.seen);
  }

  @Test
  void tumblingWindow_stateReachesTheHandler_andTheNewStateReturnsWithTheFailures()
      throws Exception {
    KinesisTimeWindowEvent event = new KinesisTimeWindowEvent();
    event.setRecords(kinesisBatch("a", "fail-b", "c").getRecords());
    event.setState(Map.of("count", "5"));
    RecordHandler<String> counter =
        (data, context) -> {
          if (data.startsWith("fail")) {
            throw new IllegalStateException("cannot count");
          }
          context
              .windowState()
              .merge(
                  "count",
                  "1",
                  (a, b) -> Integer.toString(Integer.parseInt(a) + Integer.parseInt(b)));
        };

    Object response =
        BatchProcessor.builder(KinesisTimeWindowEvent.class, String.class, counter)
            .handlerClass(StreamBatchTest.class)
            .build()
            .process(event, Batches.invocation());

    assertTrue(response instanceof TimeWindowEventResponse);
    TimeWindowEventResponse window = (TimeWindowEventResponse) response;
    assertEquals(Map.of("count", "6"), window.getState(), "a counted, then the stop at b");
    assertEquals(
        List.of(event.getRecords().get(1).getKinesis().getSequenceNumber()), reported(response));
  }
}
