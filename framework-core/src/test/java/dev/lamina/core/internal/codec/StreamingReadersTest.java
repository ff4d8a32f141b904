package dev.lamina.core.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.fasterxml.jackson.core.JsonFactory;
import dev.lamina.core.codec.Codecs;
import dev.lamina.core.codec.PayloadCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The streaming event readers themselves answer the real events (so the equivalence with the
 * runtime that {@link EventEquivalenceTest} checks through the codec is theirs, not databind's
 * fallback), and decline what needs the runtime's leniencies, which the codec then reads as the
 * runtime does (or fails to, when the runtime fails too).
 */
class StreamingReadersTest {
  private static final JsonFactory JSON = new JsonFactory();
  private static final PayloadCodec CODEC = Codecs.standard();
  private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = StreamingReadersTest.class.getResourceAsStream("/events/" + name)) {
      assertNotNull(in, name);
      return in.readAllBytes();
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertLikeTheRuntime(Object lamina, byte[] json, Class<?> type) {
    Object runtime = RuntimeOracle.read(json, type);
    assertTrue(FieldGraphWalker.valueCount(runtime) > 0, "the runtime read no value");
    FieldGraphWalker.firstDifference(runtime, lamina)
        .ifPresent(path -> fail("first difference at " + path + " (runtime, Lamina)"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "SQSEvent/sqs_event_product.json, " + EVENTS + "SQSEvent",
    "KinesisEvent/kinesis_event.json, " + EVENTS + "KinesisEvent",
    "KinesisEvent/kms_encrypted_records.json, " + EVENTS + "KinesisEvent",
    "DynamodbEvent/dynamo_event.json, " + EVENTS + "DynamodbEvent",
    "DynamodbEvent/all_attribute_types.json, " + EVENTS + "DynamodbEvent",
    "DynamodbEvent/dynamo_event_roundtrip.json, " + EVENTS + "DynamodbEvent",
    "KafkaEvent/kafka_event.json, " + EVENTS + "KafkaEvent",
  })
  void readerAnswersTheRealEvent_likeTheRuntime(String name, Class<?> type) throws IOException {
    byte[] json = fixture(name);

    Object event = EventRouting.readStreaming(JSON, json, type);

    assertNotNull(event, "the streaming reader answered, not databind");
    assertLikeTheRuntime(event, json, type);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Kinesis: a time as text, one record where a list belongs, a key as a number
        "KinesisEvent | {\"Records\":[{\"kinesis\":{\"approximateArrivalTimestamp\":\"1428537600\"}}]}",
        "KinesisEvent | {\"Records\":{\"kinesis\":{\"partitionKey\":\"pk\"}}}",
        "KinesisEvent | {\"Records\":[{\"kinesis\":{\"partitionKey\":7}}]}",
        // DynamoDB: a size as text, a boolean as text, a view type this events version lacks
        "DynamodbEvent | {\"Records\":[{\"eventID\":\"e\",\"dynamodb\":{\"SizeBytes\":\"12\"}}]}",
        "DynamodbEvent | {\"Records\":[{\"eventID\":\"e\",\"dynamodb\":{\"NewImage\":{\"a\":{\"BOOL\":\"true\"}}}}]}",
        "DynamodbEvent | {\"Records\":[{\"eventID\":\"e\",\"dynamodb\":{\"StreamViewType\":\"SOMETHING_NEW\"}}]}",
        // Kafka: an offset as text, a header in base64, a null partition, a byte out of range
        "KafkaEvent | {\"records\":{\"t-0\":[{\"topic\":\"t\",\"offset\":\"15\"}]}}",
        "KafkaEvent | {\"records\":{\"t-0\":[{\"topic\":\"t\",\"headers\":[{\"k\":\"aGk=\"}]}]}}",
        "KafkaEvent | {\"records\":{\"t-0\":[{\"topic\":\"t\",\"partition\":null}]}}",
        "KafkaEvent | {\"records\":{\"t-0\":[{\"topic\":\"t\",\"headers\":[{\"k\":[300]}]}]}}",
      })
  void readerDeclinesTheLeniencies_andTheCodecThenDoesWhatTheRuntimeDoes(String event, String text)
      throws ClassNotFoundException {
    Class<?> type = Class.forName(EVENTS + event);
    byte[] json = utf8(text);

    assertNull(EventRouting.readStreaming(JSON, json, type), "declined");
    Object runtime;
    try {
      runtime = RuntimeOracle.read(json, type);
    } catch (RuntimeException runtimeFails) {
      assertThrows(
          RuntimeException.class, () -> CODEC.read(json, type), "fails as the runtime does");
      return;
    }
    FieldGraphWalker.firstDifference(runtime, CODEC.read(json, type))
        .ifPresent(path -> fail("first difference at " + path + " (runtime, Lamina)"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"Records\":[{\"kinesis\":{\"partitionKey\":\"pk\",\"approximateArrivalTimestamp\":0}}]} | 0",
        "{\"Records\":[{\"kinesis\":{\"approximateArrivalTimestamp\":1428537600.1239}}]} | 1428537600123",
      })
  void kinesisDates_areEpochSeconds_zeroForNone_cutToMilliseconds(String text, long millis) {
    KinesisEvent event =
        (KinesisEvent) EventRouting.readStreaming(JSON, utf8(text), KinesisEvent.class);

    Date date = event.getRecords().get(0).getKinesis().getApproximateArrivalTimestamp();
    assertEquals(millis, date == null ? 0 : date.getTime());
    assertLikeTheRuntime(event, utf8(text), KinesisEvent.class);
  }

  @Test
  void kafkaHeaderBytes_readAsTheRuntimeReadsThem_negativeAndHighValuesIncluded() {
    byte[] json =
        utf8(
            "{\"records\":{\"t-0\":[{\"topic\":\"t\",\"partition\":0,\"offset\":1,"
                + "\"headers\":[{\"k\":[0,127,128,255,-1,-128]}]}]}}");

    Object event = EventRouting.readStreaming(JSON, json, KafkaEvent.class);

    assertNotNull(event);
    assertLikeTheRuntime(event, json, KafkaEvent.class);
  }
}
