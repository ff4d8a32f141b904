package dev.lamina.idempotency.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamina.core.codec.Codecs;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.idempotency.Events;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default validated part of each event type, on real events: a retry as Lambda or API
 * Gateway delivers it (new request context, trace header, receipt handle, receive count, another
 * batch) hashes like the first delivery, and a change to what the caller sent does not. Each case
 * runs with the event class as the declared input type and untyped (a {@code Map}), as the proxy
 * and generic handlers see it.
 */
class ValidatedPartTest {
  private static final PayloadCodec CODEC = Codecs.standard();
  private static final Type UNTYPED = Map.class;

  /** The hash the interceptor computes for this JSON read as {@code type}. */
  private static String hash(Type type, String json) {
    Object input = CODEC.read(json.getBytes(StandardCharsets.UTF_8), type);
    Payload payload = new Payload(input, null, CODEC);
    return CanonicalHash.of(ValidatedPart.of(ValidatedPart.kindOf(type), payload.json()));
  }

  record Case(
      String name,
      Type type,
      String fixture,
      Consumer<ObjectNode> retry,
      Consumer<ObjectNode> otherPayload) {
    @Override
    public String toString() {
      return name + " as " + type.getTypeName();
    }
  }

  static List<Arguments> cases() {
    List<Case> cases =
        List.of(
            new Case(
                "HTTP API",
                APIGatewayV2HTTPEvent.class,
                "apigw_http_event.json",
                e -> {
                  ObjectNode rc = Events.at(e, "/requestContext");
                  rc.put("requestId", "retry-id")
                      .put("time", "12/Mar/2020:19:04:10 +0000")
                      .put("timeEpoch", 1583348650000L);
                  Events.at(e, "/headers")
                      .put("x-amzn-trace-id", "Root=1-retry")
                      .put("x-forwarded-for", "198.51.100.7");
                },
                e -> e.put("body", "Hello from Lambda, again!")),
            new Case(
                "HTTP API method",
                APIGatewayV2HTTPEvent.class,
                "apigw_http_event.json",
                e -> Events.at(e, "/requestContext").put("requestId", "retry-id"),
                e -> Events.at(e, "/requestContext/http").put("method", "PUT")),
            new Case(
                "REST API",
                APIGatewayProxyRequestEvent.class,
                "apigw_rest_event.json",
                e -> {
                  Events.at(e, "/requestContext")
                      .put("requestId", "retry-id")
                      .put("extendedRequestId", "retry-ext")
                      .put("requestTimeEpoch", 1583349400000L);
                  Events.at(e, "/headers").put("X-Amzn-Trace-Id", "Root=1-retry");
                },
                e -> e.put("path", "/my/other/path")),
            new Case(
                "ALB",
                ApplicationLoadBalancerRequestEvent.class,
                "elb_event.json",
                e -> Events.at(e, "/headers").put("x-amzn-trace-id", "Root=1-retry"),
                e -> e.put("body", "Hello from ELB, again")),
            new Case(
                "SQS",
                SQSEvent.class,
                "sqs_event_product.json",
                e -> {
                  ObjectNode message = Events.at(e, "/Records/0");
                  message.put("receiptHandle", "a-new-receipt-handle");
                  Events.at(message, "/attributes")
                      .put("ApproximateReceiveCount", "2")
                      .put("ApproximateFirstReceiveTimestamp", "1601975799999");
                },
                e -> Events.at(e, "/Records/0").put("body", "{\"id\":1234,\"price\":451}")),
            new Case(
                "SQS body reordered",
                SQSEvent.class,
                "sqs_event_product.json",
                e ->
                    Events.at(e, "/Records/0")
                        .put("body", "{\"price\":450,\"name\":\"Product1234\",\"id\":1234}"),
                e ->
                    Events.at(e, "/Records/0")
                        .put("body", "{\"price\":450,\"name\":\"Product1235\",\"id\":1234}")),
            new Case(
                "SNS",
                SNSEvent.class,
                "sns_event.json",
                e ->
                    Events.at(e, "/Records/0/Sns")
                        .put("MessageId", "retry-message-id")
                        .put("Signature", "another-signature")
                        .put("Timestamp", "2020-10-08T16:07:00.000Z"),
                e -> Events.at(e, "/Records/0/Sns").put("Message", "{\"id\":43,\"name\":\"Bob\"}")),
            new Case(
                "EventBridge",
                ScheduledEvent.class,
                "cloudwatch_event.json",
                e -> e.put("id", "another-event-id").put("time", "2020-09-30T15:59:00Z"),
                e -> e.put("detail-type", "Another Event")),
            new Case(
                "Kinesis",
                KinesisEvent.class,
                "kinesis_event.json",
                e -> {
                  ObjectNode record = Events.at(e, "/Records/0");
                  record.put("eventID", "shardId-000000000001:retry");
                  Events.at(record, "/kinesis").put("approximateArrivalTimestamp", 1428537700.0);
                },
                e -> Events.at(e, "/Records/0/kinesis").put("data", base64("Hello, another test"))),
            new Case(
                "DynamoDB Streams",
                DynamodbEvent.class,
                "dynamo_event.json",
                e -> {
                  for (var record : e.withArray("/Records")) {
                    ((ObjectNode) record)
                        .put("eventID", "retry-" + record.path("eventID").asText());
                    ((ObjectNode) record.path("dynamodb"))
                        .put("ApproximateCreationDateTime", 1.5E9);
                  }
                },
                e -> Events.at(e, "/Records/0/dynamodb/NewImage/Message").put("S", "Changed!")),
            new Case(
                "Kafka",
                KafkaEvent.class,
                "kafka_event.json",
                e -> Events.at(e, "/records/mytopic-01/0").put("timestamp", 1596480999999L),
                e -> Events.at(e, "/records/mytopic-01/0").put("value", base64("Another value"))));
    return cases.stream()
        .flatMap(
            c ->
                java.util.stream.Stream.of(
                    c, new Case(c.name(), UNTYPED, c.fixture(), c.retry(), c.otherPayload())))
        .map(Arguments::of)
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void retryHashesLikeTheFirstDelivery_andAnotherPayloadDoesNot(Case c) {
    String first = hash(c.type(), Events.json(c.fixture()));

    assertEquals(first, hash(c.type(), Events.json(c.fixture(), c.retry())), "the retry");
    assertNotEquals(
        first, hash(c.type(), Events.json(c.fixture(), c.otherPayload())), "another payload");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void typedAndUntypedInputs_hashAlike(Case c) {
    if (c.type() == UNTYPED) {
      return;
    }
    assertEquals(hash(c.type(), Events.json(c.fixture())), hash(UNTYPED, Events.json(c.fixture())));
  }

  @Test
  void base64Body_hashesLikeThePlainBody() {
    String body = "{\"amount\":12345678901234567.89,\"currency\":\"EUR\"}";
    String plain = Events.json("apigw_http_event.json", e -> e.put("body", body));
    String encoded =
        Events.json(
            "apigw_http_event.json", e -> e.put("body", base64(body)).put("isBase64Encoded", true));
    String reordered =
        Events.json(
            "apigw_http_event.json",
            e -> e.put("body", "{ \"currency\": \"EUR\", \"amount\": 12345678901234567.89 }"));
    String otherCents =
        Events.json(
            "apigw_http_event.json",
            e -> e.put("body", "{\"amount\":12345678901234567.88,\"currency\":\"EUR\"}"));

    String hash = hash(APIGatewayV2HTTPEvent.class, plain);
    assertEquals(hash, hash(APIGatewayV2HTTPEvent.class, encoded));
    assertEquals(hash, hash(APIGatewayV2HTTPEvent.class, reordered));
    assertNotEquals(
        hash,
        hash(APIGatewayV2HTTPEvent.class, otherCents),
        "decimals are compared exactly, not as doubles");
  }

  @Test
  void sqsRedeliveryInAnotherBatch_hashesLikeTheMessageAlone() {
    ObjectNode batch = Events.tree("sqs_event_product.json");
    ObjectNode message = (ObjectNode) batch.withArray("/Records").get(0);
    String alone = message.toString();
    ObjectNode redelivered = message.deepCopy().put("receiptHandle", "another-handle");

    assertEquals(
        hash(SQSEvent.SQSMessage.class, alone),
        hash(SQSEvent.SQSMessage.class, redelivered.toString()));
    assertEquals(hash(UNTYPED, alone), hash(SQSEvent.SQSMessage.class, alone));
  }

  /** A user's own input, with a map inside. */
  record Order(String id, Map<String, Integer> lines) {}

  @Test
  void recordsAndBeans_areCanonical_mapsInsideSorted() {
    Map<String, Integer> ab = new LinkedHashMap<>();
    ab.put("a", 1);
    ab.put("b", 2);
    Map<String, Integer> ba = new LinkedHashMap<>();
    ba.put("b", 2);
    ba.put("a", 1);
    Payload first = new Payload(new Order("o-1", ab), null, CODEC);
    Payload reordered = new Payload(new Order("o-1", ba), null, CODEC);

    assertEquals(
        CanonicalHash.of(ValidatedPart.of(ValidatedPart.kindOf(Order.class), first.json())),
        CanonicalHash.of(ValidatedPart.of(ValidatedPart.kindOf(Order.class), reordered.json())));
  }

  @Test
  void absentPart_hashesApartFromJsonNull() {
    ArrayNode empty = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
    assertNotEquals(
        CanonicalHash.of(empty.path("missing")),
        CanonicalHash.of(com.fasterxml.jackson.databind.node.NullNode.getInstance()));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
