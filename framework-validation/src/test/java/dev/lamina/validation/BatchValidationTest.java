package dev.lamina.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.batch.Batch;
import dev.lamina.batch.BatchHandler;
import dev.lamina.batch.FifoMode;
import dev.lamina.batch.RecordContext;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A record whose payload breaks its constraints fails alone, reported by its identifier. */
class BatchValidationTest {
  private static final String QUEUE = "arn:aws:sqs:eu-west-1:123456789012:signups";
  private static final String FIFO = "arn:aws:sqs:eu-west-1:123456789012:signups.fifo";

  static final List<String> HANDLED = new CopyOnWriteArrayList<>();

  /** SQS, standard or FIFO (with the default: stop at the first failure). */
  @Validated
  public static class SqsSignups extends BatchHandler<SQSEvent, Signup> {
    public SqsSignups() {
      super(HandlerEnvironment.builder().variables(Map.of()).build());
    }

    @Override
    protected void handleRecord(Signup signup, RecordContext context) {
      HANDLED.add(context.recordId());
    }
  }

  /** SQS FIFO, letting other message groups go on. */
  @Validated
  @Batch(fifoMode = FifoMode.SKIP_FAILED_GROUP)
  public static class GroupedSignups extends SqsSignups {}

  /** Kinesis. */
  @Validated
  public static class KinesisSignups extends BatchHandler<KinesisEvent, Signup> {
    public KinesisSignups() {
      super(HandlerEnvironment.builder().variables(Map.of()).build());
    }

    @Override
    protected void handleRecord(Signup signup, RecordContext context) {
      HANDLED.add(context.recordId());
    }
  }

  private static String signup(String name) {
    return "{\"display_name\":\""
        + name
        + "\",\"email\":\"a@example.com\",\"age\":30,\"address\":{\"city\":\"Oslo\"}}";
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An SQS record as Lambda delivers it. */
  private static String message(String id, String body, String queue, String group) {
    String attributes =
        "\"ApproximateReceiveCount\":\"1\",\"SentTimestamp\":\"1764590400000\""
            + (group == null
                ? ""
                : ",\"MessageGroupId\":\""
                    + group
                    + "\",\"SequenceNumber\":\"1862"
                    + Math.abs(id.hashCode())
                    + "\",\"MessageDeduplicationId\":\"d-"
                    + id
                    + "\"");
    return "{\"messageId\":\""
        + id
        + "\",\"receiptHandle\":\"handle-"
        + id
        + "\",\"body\":"
        + quote(body)
        + ",\"attributes\":{"
        + attributes
        + "},\"messageAttributes\":{},\"md5OfBody\":\"x\",\"eventSource\":\"aws:sqs\","
        + "\"eventSourceARN\":\""
        + queue
        + "\",\"awsRegion\":\"eu-west-1\"}";
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String records(String... records) {
    return "{\"Records\":[" + String.join(",", records) + "]}";
  }

  private static List<String> failures(RequestStreamHandler handler, String event)
      throws Exception {
    String response = Invoke.stream(handler, event, FakeContext.create());
    List<String> ids = new ArrayList<>();
    for (JsonNode f : JSON.readTree(response).path("batchItemFailures")) {
      ids.add(f.path("itemIdentifier").asText());
    }
    return ids;
  }

  @Test
  void standardQueue_reportsExactlyTheInvalidRecords() throws Exception {
    HANDLED.clear();
    String event =
        records(
            message("m1", signup("Ada"), QUEUE, null),
            message("m2", signup(" "), QUEUE, null),
            message("m3", signup("Grace"), QUEUE, null),
            message("m4", "{\"display_name\":\"Lin\"}", QUEUE, null));

    assertEquals(List.of("m2", "m4"), failures(new SqsSignups(), event));
    List<String> handled = new ArrayList<>(HANDLED);
    Collections.sort(handled);
    assertEquals(List.of("m1", "m3"), handled);
  }

  private static String fifoBatch() {
    return records(
        message("a1", signup("Ada"), FIFO, "a"),
        message("a2", signup(""), FIFO, "a"),
        message("b1", signup("Bo"), FIFO, "b"),
        message("a3", signup("Al"), FIFO, "a"));
  }

  @Test
  void fifoQueue_anInvalidRecordStopsTheBatch_reportingItAndEverythingAfter() throws Exception {
    HANDLED.clear();
    assertEquals(List.of("a2", "b1", "a3"), failures(new SqsSignups(), fifoBatch()));
    assertEquals(List.of("a1"), HANDLED);
  }

  @Test
  void fifoQueue_skippingTheFailedGroup_stopsOnlyThatGroup() throws Exception {
    HANDLED.clear();
    assertEquals(List.of("a2", "a3"), failures(new GroupedSignups(), fifoBatch()));
    assertEquals(List.of("a1", "b1"), HANDLED.stream().sorted().toList());
  }

  @Test
  void kinesis_reportsTheFirstInvalidRecord_andNothingAfterItRuns() throws Exception {
    HANDLED.clear();
    String event =
        records(
            kinesis("100", signup("Ada")),
            kinesis("101", signup(" ")),
            kinesis("102", signup("Bo")));

    assertEquals(List.of("101"), failures(new KinesisSignups(), event));
    assertEquals(List.of("100"), HANDLED);
  }

  /** A Kinesis record as Lambda delivers it: the data base64-encoded. */
  private static String kinesis(String sequence, String data) {
    return "{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"p\","
        + "\"sequenceNumber\":\""
        + sequence
        + "\",\"data\":\""
        + Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8))
        + "\",\"approximateArrivalTimestamp\":1764590400.123},\"eventSource\":\"aws:kinesis\","
        + "\"eventVersion\":\"1.0\",\"eventID\":\"shardId-000000000001:"
        + sequence
        + "\",\"eventName\":\"aws:kinesis:record\",\"invokeIdentityArn\":\"arn:aws:iam::123456789012:role/r\","
        + "\"awsRegion\":\"eu-west-1\",\"eventSourceARN\":\"arn:aws:kinesis:eu-west-1:123456789012:stream/signups\"}";
  }
}
