package dev.lamina.core.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lamina.core.codec.Codecs;
import dev.lamina.core.codec.PayloadCodec;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each fixture, read by Lamina's codec and by the runtime's own, gives the same object graph, field
 * by field. A probe per fixture checks that the graph is not trivially empty.
 */
class EventEquivalenceTest {
  private static final PayloadCodec CODEC = Codecs.standard();

  static Stream<Arguments> fixtures() {
    return Stream.of(
        fixture("sqs_event_product.json", SQSEvent.class, e -> e.getRecords().get(0).getMessageId(),
            "d9144555-9a4f-4ec3-99a0-34ce359b4b54"),
        fixture("sqs_event_nobody.json", SQSEvent.class, e -> e.getRecords().get(0).getEventSourceArn(),
            "arn:aws:sqs:eu-central-1:123456789012:TestLambda"),
        fixture("kinesis_event.json", KinesisEvent.class, e -> e.getRecords().get(0).getKinesis().getPartitionKey(),
            "partitionKey-03"),
        fixture("dynamo_event.json", DynamodbEvent.class,
            e -> e.getRecords().get(0).getDynamodb().getKeys().get("Id").getN(), "101"),
        fixture("dynamo_event_roundtrip.json", DynamodbEvent.class, e -> e.getRecords().get(0).getEventID(),
            "c4ca4238a0b923820dcc509a6f75849b"),
        fixture("apigw_rest_event.json", APIGatewayProxyRequestEvent.class, APIGatewayProxyRequestEvent::getPath, "/my/path"),
        fixture("apigw_event.json", APIGatewayProxyRequestEvent.class, APIGatewayProxyRequestEvent::getPath,
            "/path/to/resource"),
        fixture("apigw_event_nobody.json", APIGatewayProxyRequestEvent.class, APIGatewayProxyRequestEvent::getPath,
            "/path/to/resource"),
        fixture("apigw_http_event.json", APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPEvent::getRouteKey, "$default"),
        fixture("elb_event.json", ApplicationLoadBalancerRequestEvent.class, ApplicationLoadBalancerRequestEvent::getPath, "/"),
        fixture("sns_event.json", SNSEvent.class, e -> e.getRecords().get(0).getSNS().getMessageId(),
            "dc918f50-80c6-56a2-ba33-d8a9bbf013ab"),
        fixture("s3_event.json", S3Event.class, e -> e.getRecords().get(0).getS3().getBucket().getName(), "example-bucket"),
        fixture("cloudwatch_event.json", ScheduledEvent.class, ScheduledEvent::getDetailType, "Scheduled Event"),
        fixture("kafka_event.json", KafkaEvent.class, KafkaEvent::getEventSource, "aws:kafka"));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("fixtures")
  void fixture_readsLikeTheRuntime(String file, Class<?> type, Function<Object, Object> probe, Object expected)
      throws IOException {
    byte[] json = fixtureBytes(file);

    Object lamina = CODEC.read(json, type);
    Object runtime = RuntimeOracle.read(json, type);

    assertEquals(expected, probe.apply(lamina), "Lamina's graph is missing an expected value");
    assertEquals(expected, probe.apply(runtime), "the runtime's graph is missing an expected value");
    FieldGraphWalker.firstDifference(runtime, lamina)
        .ifPresent(path -> assertTrue(false, file + ": first difference at " + path + " (runtime vs Lamina)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eventCodecFixtures")
  void baseMapperWithoutEventSupport_isCaughtAsDifferent(String file, Class<?> type) throws Exception {
    byte[] json = fixtureBytes(file);
    Object plain = LenientMapperFactory.create().readValue(json, type);

    assertTrue(FieldGraphWalker.firstDifference(RuntimeOracle.read(json, type), plain).isPresent(),
        "the comparison must notice a codec without the event mix-ins");
  }

  static Stream<Arguments> eventCodecFixtures() {
    return Stream.of(
        Arguments.of("sqs_event_product.json", SQSEvent.class),
        Arguments.of("kinesis_event.json", KinesisEvent.class),
        Arguments.of("dynamo_event.json", DynamodbEvent.class),
        Arguments.of("sqs_event_nobody.json", SQSEvent.class));
  }

  static byte[] fixtureBytes(String file) throws IOException {
    try (InputStream in = EventEquivalenceTest.class.getResourceAsStream("/events/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + file);
      }
      return in.readAllBytes();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Arguments fixture(String file, Class<T> type, Function<T, Object> probe, Object expected) {
    return Arguments.of(file, type, (Function<Object, Object>) probe, expected);
  }
}
