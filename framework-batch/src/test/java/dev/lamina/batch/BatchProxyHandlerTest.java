package dev.lamina.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The zero-code path: an existing batch function given partial failure reporting by settings. */
class BatchProxyHandlerTest {
  static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());

  /** An existing SQS function: fails messages whose body is "fail" or "invalid". */
  public static class ShipOrders implements RequestHandler<SQSEvent, String> {
    @Override
    public String handleRequest(SQSEvent event, Context context) {
      for (SQSEvent.SQSMessage m : event.getRecords()) {
        CALLS.add(
            m.getMessageId()
                + " of "
                + event.getRecords().size()
                + " in "
                + context.getAwsRequestId());
        if (m.getBody().equals("fail")) {
          throw new IllegalStateException("out of stock");
        }
        if (m.getBody().equals("invalid")) {
          throw new InvalidOrder();
        }
      }
      return "the proxy ignores this";
    }
  }

  /** A failure the function's owner declares not worth retrying. */
  public static class InvalidOrder extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidOrder() {
      super("invalid order");
    }
  }

  /** An existing Kinesis function: fails records whose data is "fail". */
  public static class ReadStream implements RequestHandler<KinesisEvent, Void> {
    @Override
    public Void handleRequest(KinesisEvent event, Context context) {
      for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
        CALLS.add(r.getKinesis().getSequenceNumber());
        if (StandardCharsets.UTF_8.decode(r.getKinesis().getData()).toString().equals("fail")) {
          throw new IllegalStateException("cannot read");
        }
      }
      return null;
    }
  }

  /** The input type comes through a generic base class. */
  public abstract static class StreamFunction<E> implements RequestHandler<E, Void> {}

  /** An existing DynamoDB Streams function declared through a generic base; fails REMOVEs. */
  public static class ReplicateChanges extends StreamFunction<DynamodbEvent> {
    @Override
    public Void handleRequest(DynamodbEvent event, Context context) {
      for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
        CALLS.add(r.getEventName() + " " + r.getDynamodb().getSequenceNumber());
        if (r.getEventName().equals("REMOVE")) {
          throw new IllegalStateException("cannot replicate a delete");
        }
      }
      return null;
    }
  }

  public static class TakesText implements RequestHandler<String, String> {
    @Override
    public String handleRequest(String input, Context context) {
      return input;
    }
  }

  public static class TakesWindows implements RequestHandler<KinesisTimeWindowEvent, Void> {
    @Override
    public Void handleRequest(KinesisTimeWindowEvent input, Context context) {
      return null;
    }
  }

  public static class StreamsBytes implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {}
  }

  /** A function whose constructor fails, as one missing its own configuration would. */
  public static class BrokenConstructor implements RequestHandler<SQSEvent, Void> {
    public BrokenConstructor() {
      throw new IllegalStateException("ORDERS_TABLE is not set");
    }

    @Override
    public Void handleRequest(SQSEvent input, Context context) {
      return null;
    }
  }

  @BeforeEach
  void clearCalls() {
    CALLS.clear();
  }

  private static BatchProxyHandler proxy(Map<String, String> variables) {
    return new BatchProxyHandler(HandlerEnvironment.builder().variables(variables).build());
  }

  static String sqsEvent(String queueArn, String... idsAndBodies) {
    List<String> records = new ArrayList<>();
    for (int i = 0; i < idsAndBodies.length; i += 2) {
      records.add(
          "{\"messageId\":\""
              + idsAndBodies[i]
              + "\",\"receiptHandle\":\"h-"
              + idsAndBodies[i]
              + "\",\"body\":\""
              + idsAndBodies[i + 1]
              + "\",\"attributes\":{"
              + "\"ApproximateReceiveCount\":\"1\",\"SentTimestamp\":\"1764590400000\""
              + (queueArn.endsWith(".fifo") ? ",\"MessageGroupId\":\"g\"" : "")
              + "},"
              + "\"messageAttributes\":{},\"md5OfBody\":\"x\",\"eventSource\":\"aws:sqs\","
              + "\"eventSourceARN\":\""
              + queueArn
              + "\",\"awsRegion\":\"eu-west-1\"}");
    }
    return "{\"Records\":[" + String.join(",", records) + "]}";
  }

  private static String kinesisEvent(String... sequencesAndData) {
    List<String> records = new ArrayList<>();
    for (int i = 0; i < sequencesAndData.length; i += 2) {
      String sequence = sequencesAndData[i];
      String data =
          Base64.getEncoder()
              .encodeToString(sequencesAndData[i + 1].getBytes(StandardCharsets.UTF_8));
      records.add(
          "{\"kinesis\":{\"partitionKey\":\"p-1\",\"kinesisSchemaVersion\":\"1.0\","
              + "\"data\":\""
              + data
              + "\",\"sequenceNumber\":\""
              + sequence
              + "\","
              + "\"approximateArrivalTimestamp\":1428537600,\"encryptionType\":\"NONE\"},"
              + "\"eventSource\":\"aws:kinesis\",\"eventID\":\"shardId-000000000000:"
              + sequence
              + "\",\"eventVersion\":\"1.0\",\"eventName\":\"aws:kinesis:record\","
              + "\"eventSourceARN\":\"arn:aws:kinesis:eu-west-1:123456789012:stream/orders\","
              + "\"awsRegion\":\"eu-west-1\"}");
    }
    return "{\"Records\":[" + String.join(",", records) + "]}";
  }

  private static String fixture(String file) {
    try (InputStream in = BatchProxyHandlerTest.class.getResourceAsStream("/events/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void sqsBatch_reportsExactlyTheMessagesTheOriginalHandlerThrewFor_callingItOncePerMessage() {
    BatchProxyHandler proxy =
        proxy(Map.of("LAMINA_BATCH_HANDLER", ShipOrders.class.getName() + "::handleRequest"));
    String event =
        sqsEvent(
            Batches.STANDARD_QUEUE,
            "m-1",
            "ship",
            "m-2",
            "fail",
            "m-3",
            "ship",
            "m-4",
            "fail",
            "m-5",
            "ship");

    String response = Invoke.stream(proxy, event, FakeContext.builder().requestId("r-1").build());

    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}," + "{\"itemIdentifier\":\"m-4\"}]}",
        response);
    assertEquals(
        List.of(
            "m-1 of 1 in r-1",
            "m-2 of 1 in r-1",
            "m-3 of 1 in r-1",
            "m-4 of 1 in r-1",
            "m-5 of 1 in r-1"),
        CALLS,
        "each message alone, in order, with the invocation's context");
  }

  @Test
  void nonRetryableFromTheEnvironment_isNotReported_andFifoStopsAtTheOtherFailure() {
    BatchProxyHandler proxy =
        proxy(
            Map.of(
                "LAMINA_BATCH_HANDLER",
                ShipOrders.class.getName(),
                "LAMINA_BATCH_NON_RETRYABLE",
                " java.lang.IllegalArgumentException , " + InvalidOrder.class.getName()));
    String event =
        sqsEvent(
            Batches.FIFO_QUEUE,
            "a-1",
            "ship",
            "a-2",
            "invalid",
            "a-3",
            "ship",
            "a-4",
            "fail",
            "a-5",
            "ship");

    String response = Invoke.stream(proxy, event, FakeContext.create());

    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"a-4\"}," + "{\"itemIdentifier\":\"a-5\"}]}",
        response,
        "the invalid order is dropped; the FIFO queue stops at the retryable failure");
    assertEquals(List.of("a-1", "a-2", "a-3", "a-4"), ids(CALLS));
  }

  @Test
  void kinesisBatch_stopsAtTheFirstFailure_andReportsItsSequenceNumber() {
    BatchProxyHandler proxy = proxy(Map.of("LAMINA_BATCH_HANDLER", ReadStream.class.getName()));
    String event =
        kinesisEvent("101", "ok", "102", "ok", "103", "fail", "104", "ok", "105", "fail");

    String response = Invoke.stream(proxy, event, FakeContext.create());

    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"103\"}]}", response);
    assertEquals(List.of("101", "102", "103"), CALLS, "nothing after the failure runs");
  }

  @Test
  void kinesisBatch_inContinueMode_reportsEveryFailure() {
    BatchProxyHandler proxy =
        proxy(
            Map.of(
                "LAMINA_BATCH_HANDLER",
                ReadStream.class.getName(),
                "LAMINA_BATCH_STREAM_MODE",
                "continue"));

    String response =
        Invoke.stream(
            proxy,
            kinesisEvent("101", "ok", "102", "fail", "103", "ok", "104", "fail"),
            FakeContext.create());

    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"102\"}," + "{\"itemIdentifier\":\"104\"}]}",
        response);
    assertEquals(List.of("101", "102", "103", "104"), CALLS);
  }

  @Test
  void dynamodbStreamFunction_declaredThroughAGenericBase_isProxied() {
    BatchProxyHandler proxy =
        proxy(Map.of("LAMINA_BATCH_HANDLER", ReplicateChanges.class.getName()));

    String response = Invoke.stream(proxy, fixture("dynamo_event.json"), FakeContext.create());

    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"4421584500000000017450439093\"}]}",
        response,
        "the REMOVE, the third record, failed");
    assertEquals(
        List.of(
            "INSERT 4421584500000000017450439091",
            "MODIFY 4421584500000000017450439092",
            "REMOVE 4421584500000000017450439093"),
        CALLS);
  }

  @Test
  void timeGuard_defaultsToOneSecond_soNoRecordStartsWithLessLeft_andZeroTurnsItOff() {
    String event = sqsEvent(Batches.STANDARD_QUEUE, "m-1", "ship", "m-2", "ship");
    Context halfASecondLeft = FakeContext.builder().timeout(Duration.ofMillis(500)).build();

    BatchProxyHandler guarded = proxy(Map.of("LAMINA_BATCH_HANDLER", ShipOrders.class.getName()));
    assertThrows(
        BatchFailedException.class,
        () -> Invoke.stream(guarded, event, halfASecondLeft),
        "no record started: the whole batch is retried");
    assertEquals(List.of(), CALLS);

    BatchProxyHandler unguarded =
        proxy(
            Map.of(
                "LAMINA_BATCH_HANDLER",
                ShipOrders.class.getName(),
                "LAMINA_BATCH_TIME_GUARD_MILLIS",
                "0"));
    assertEquals(
        "{\"batchItemFailures\":[]}",
        Invoke.stream(
            unguarded, event, FakeContext.builder().timeout(Duration.ofMillis(500)).build()));
    assertEquals(List.of("m-1", "m-2"), ids(CALLS));
  }

  @Test
  void everyRecordFailing_failsTheInvocation_soTheWholeBatchIsRetriedAsBefore() {
    BatchProxyHandler proxy =
        proxy(
            Map.of(
                "LAMINA_BATCH_HANDLER",
                ShipOrders.class.getName(),
                "LAMINA_BATCH_PARALLELISM",
                "2"));

    BatchFailedException e =
        assertThrows(
            BatchFailedException.class,
            () ->
                Invoke.stream(
                    proxy,
                    sqsEvent(Batches.STANDARD_QUEUE, "m-1", "fail", "m-2", "fail"),
                    FakeContext.create()));

    assertEquals(2, e.records());
  }

  @Test
  void misconfiguredProxy_failsInit_listingEveryProblemInOneMessage() {
    Map<String, String> env = new HashMap<>();
    env.put("LAMINA_BATCH_PARALLELISM", "many");
    env.put("LAMINA_BATCH_FIFO_MODE", "SKIP");
    env.put("LAMINA_BATCH_STREAM_MODE", "ALWAYS");
    env.put("LAMINA_BATCH_TIME_GUARD_MILLIS", "-5");
    env.put("LAMINA_BATCH_NON_RETRYABLE", "java.lang.String,com.example.NoSuchException");
    env.put("LAMINA_BATCH_IDEMPOTENT", "yes");
    env.put("LAMINA_BATCH_PARALELLISM", "4");

    BatchConfigurationException e =
        assertThrows(BatchConfigurationException.class, () -> proxy(env));

    String message = e.getMessage();
    for (String culprit :
        List.of(
            "[LAMINA_BATCH_HANDLER] is required",
            "[LAMINA_BATCH_PARALLELISM] must be a whole number from 1 to 64, was [many]",
            "[LAMINA_BATCH_FIFO_MODE] must be STOP_AT_FIRST_FAILURE or SKIP_FAILED_GROUP, was [SKIP]",
            "[LAMINA_BATCH_STREAM_MODE] must be STOP_AT_FIRST_FAILURE or CONTINUE, was [ALWAYS]",
            "[LAMINA_BATCH_TIME_GUARD_MILLIS] must be a whole number of milliseconds from 0 (off)",
            "names [java.lang.String], which is not an Exception",
            "names [com.example.NoSuchException], which is not on the class path",
            "[LAMINA_BATCH_IDEMPOTENT] must be true or false, was [yes]",
            "[LAMINA_BATCH_PARALELLISM] is not a setting of the batch proxy handler")) {
      assertTrue(message.contains(culprit), culprit + " missing from: " + message);
    }
  }

  @Test
  void idempotentProxy_misconfigured_listsItsIdempotencyProblemsWithTheBatchOnes() {
    Map<String, String> env = new HashMap<>();
    env.put("LAMINA_BATCH_HANDLER", ShipOrders.class.getName());
    env.put("LAMINA_BATCH_PARALLELISM", "0");
    env.put("LAMINA_BATCH_IDEMPOTENT", "TRUE");
    env.put("LAMINA_IDEMPOTENCY_KEY", "requestId");
    env.put("LAMINA_IDEMPOTENCY_EXPIRY_SECONDS", "0");
    env.put("LAMINA_IDEMPOTENCY_WAIT_MILLIS", "100");

    BatchConfigurationException e =
        assertThrows(BatchConfigurationException.class, () -> proxy(env));

    String message = e.getMessage();
    for (String culprit :
        List.of(
            "[LAMINA_BATCH_PARALLELISM] must be a whole number from 1 to 64, was [0]",
            "[LAMINA_IDEMPOTENCY_KEY] must be a path into each record's payload",
            "[LAMINA_IDEMPOTENCY_EXPIRY_SECONDS] must be a whole number of seconds from 1",
            "[LAMINA_IDEMPOTENCY_WAIT_MILLIS] is not a setting of the batch proxy's per-record",
            "[LAMINA_IDEMPOTENCY_TABLE]",
            "[AWS_REGION]")) {
      assertTrue(message.contains(culprit), culprit + " missing from: " + message);
    }
  }

  @Test
  void unknownOriginalHandler_andABadNumber_areReportedTogether() {
    BatchConfigurationException e =
        assertThrows(
            BatchConfigurationException.class,
            () ->
                proxy(
                    Map.of(
                        "LAMINA_BATCH_HANDLER",
                        "com.example.Missing::process",
                        "LAMINA_BATCH_PARALLELISM",
                        "65")));

    assertTrue(e.getMessage().contains("names method [process]"), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "[com.example.Missing] named by [LAMINA_BATCH_HANDLER] is"
                    + " not on the class path"),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "[LAMINA_BATCH_PARALLELISM] must be a whole number from 1" + " to 64, was [65]"),
        e.getMessage());
  }

  @Test
  void originalHandlerOfAnUnsupportedInput_failsInit_namingTheTypeItTakes() {
    for (Class<?> handler : List.of(TakesText.class, TakesWindows.class)) {
      BatchConfigurationException e =
          assertThrows(
              BatchConfigurationException.class,
              () -> proxy(Map.of("LAMINA_BATCH_HANDLER", handler.getName())));

      assertTrue(e.getMessage().contains("[" + handler.getName() + "] takes ["), e.getMessage());
      assertTrue(e.getMessage().contains("RequestHandler<SQSEvent, ?>"), e.getMessage());
    }
    BatchConfigurationException stream =
        assertThrows(
            BatchConfigurationException.class,
            () -> proxy(Map.of("LAMINA_BATCH_HANDLER", StreamsBytes.class.getName())));
    assertTrue(stream.getMessage().contains("it is a RequestStreamHandler"), stream.getMessage());
  }

  @Test
  void originalHandlerWhoseConstructorThrows_failsInit_withItsExceptionAsTheCause() {
    BatchConfigurationException e =
        assertThrows(
            BatchConfigurationException.class,
            () -> proxy(Map.of("LAMINA_BATCH_HANDLER", BrokenConstructor.class.getName())));

    assertTrue(
        e.getMessage().contains("[" + BrokenConstructor.class.getName() + "]"), e.getMessage());
    assertFalse(e.getMessage().contains("ORDERS_TABLE"), "the message is the proxy's own");
    assertSame(IllegalStateException.class, e.getCause().getClass());
  }

  private static List<String> ids(List<String> calls) {
    return calls.stream().map(c -> c.split(" ")[0]).collect(Collectors.toList());
  }
}
