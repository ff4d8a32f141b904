package dev.lamina.core.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonFactory;
import dev.lamina.core.codec.Codecs;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.core.internal.codec.events.DynamodbEventReader;
import dev.lamina.core.internal.codec.events.KafkaEventReader;
import dev.lamina.core.internal.codec.events.KinesisEventReader;
import dev.lamina.core.internal.codec.events.SqsEventReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming event readers themselves answer the real events (so the equivalence with the
 * runtime that {@link EventEquivalenceTest} checks through the codec is theirs, not databind's
 * fallback), and decline what needs the runtime's leniencies, which the codec then still reads as
 * the runtime does.
 */
class StreamingReadersTest {
  private static final JsonFactory JSON = new JsonFactory();
  private static final PayloadCodec CODEC = Codecs.standard();

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = StreamingReadersTest.class.getResourceAsStream("/events/" + name)) {
      assertNotNull(in, name);
      return in.readAllBytes();
    }
  }

  private static void assertLikeTheRuntime(Object lamina, byte[] json, Class<?> type) {
    Object runtime = RuntimeOracle.read(json, type);
    assertTrue(FieldGraphWalker.valueCount(runtime) > 0, "the runtime read no value");
    FieldGraphWalker.firstDifference(runtime, lamina)
        .ifPresent(path -> fail("first difference at " + path + " (runtime, Lamina)"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"KinesisEvent/kinesis_event.json", "KinesisEvent/kms_encrypted_records.json"})
  void kinesisReader_readsTheRealEvents_likeTheRuntime(String name) throws IOException {
    byte[] json = fixture(name);

    KinesisEvent event = KinesisEventReader.read(JSON, json);

    assertNotNull(event, "the streaming reader answered, not databind");
    assertLikeTheRuntime(event, json, KinesisEvent.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SQSEvent/sqs_event_product.json"})
  void sqsReader_readsTheRealEvents_likeTheRuntime(String name) throws IOException {
    byte[] json = fixture(name);

    SQSEvent event = SqsEventReader.read(JSON, json);

    assertNotNull(event, "the streaming reader answered, not databind");
    assertLikeTheRuntime(event, json, SQSEvent.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // a time as text, a record as a single object, data as a number: runtime leniencies
        "{\"Records\":[{\"kinesis\":{\"approximateArrivalTimestamp\":\"1428537600\"}}]}",
        "{\"Records\":{\"kinesis\":{\"partitionKey\":\"pk\"}}}",
        "{\"Records\":[{\"kinesis\":{\"partitionKey\":7}}]}",
      })
  void kinesisReader_declinesTheLeniencies_andTheCodecStillReadsThemLikeTheRuntime(String text) {
    byte[] json = text.getBytes(StandardCharsets.UTF_8);

    assertNull(KinesisEventReader.read(JSON, json), "declined");
    assertLikeTheRuntime(CODEC.read(json, KinesisEvent.class), json, KinesisEvent.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"Records\":[{\"kinesis\":{\"partitionKey\":\"pk\",\"approximateArrivalTimestamp\":0}}]} | 0",
        "{\"Records\":[{\"kinesis\":{\"approximateArrivalTimestamp\":1428537600.1239}}]} | 1428537600123",
      })
  void kinesisDates_areEpochSeconds_zeroForNone_cutToMilliseconds(String text, long millis) {
    KinesisEvent event = KinesisEventReader.read(JSON, text.getBytes(StandardCharsets.UTF_8));

    java.util.Date date = event.getRecords().get(0).getKinesis().getApproximateArrivalTimestamp();
    assertEquals(millis, date == null ? 0 : date.getTime());
    assertLikeTheRuntime(event, text.getBytes(StandardCharsets.UTF_8), KinesisEvent.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DynamodbEvent/dynamo_event.json",
        "DynamodbEvent/all_attribute_types.json",
        "DynamodbEvent/dynamo_event_roundtrip.json"
      })
  void dynamodbReader_readsTheRealEvents_likeTheRuntime(String name) throws IOException {
    byte[] json = fixture(name);

    DynamodbEvent event = DynamodbEventReader.read(JSON, json);

    assertNotNull(event, "the streaming reader answered, not databind");
    assertLikeTheRuntime(event, json, DynamodbEvent.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // a size as text, a boolean as text, a view type this events version does not know
        "{\"Records\":[{\"eventID\":\"e\",\"dynamodb\":{\"SizeBytes\":\"12\"}}]}",
        "{\"Records\":[{\"eventID\":\"e\",\"dynamodb\":{\"NewImage\":{\"a\":{\"BOOL\":\"true\"}}}}]}",
        "{\"Records\":[{\"eventID\":\"e\",\"dynamodb\":{\"StreamViewType\":\"SOMETHING_NEW\"}}]}",
      })
  void dynamodbReader_declinesTheLeniencies_andTheCodecStillReadsThemLikeTheRuntime(String text) {
    byte[] json = text.getBytes(StandardCharsets.UTF_8);

    assertNull(DynamodbEventReader.read(JSON, json), "declined");
    Object runtime;
    try {
      runtime = RuntimeOracle.read(json, DynamodbEvent.class);
    } catch (RuntimeException runtimeFails) {
      // The runtime cannot read it either: Lamina's codec must fail too (through databind).
      org.junit.jupiter.api.Assertions.assertThrows(
          RuntimeException.class, () -> CODEC.read(json, DynamodbEvent.class));
      return;
    }
    FieldGraphWalker.firstDifference(runtime, CODEC.read(json, DynamodbEvent.class))
        .ifPresent(path -> fail("first difference at " + path + " (runtime, Lamina)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"KafkaEvent/kafka_event.json"})
  void kafkaReader_readsTheRealEvents_likeTheRuntime(String name) throws IOException {
    byte[] json = fixture(name);

    KafkaEvent event = KafkaEventReader.read(JSON, json);

    assertNotNull(event, "the streaming reader answered, not databind");
    assertLikeTheRuntime(event, json, KafkaEvent.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // an offset as text, a header in base64, a missing partition value, a byte out of range
        "{\"records\":{\"t-0\":[{\"topic\":\"t\",\"offset\":\"15\"}]}}",
        "{\"records\":{\"t-0\":[{\"topic\":\"t\",\"headers\":[{\"k\":\"aGk=\"}]}]}}",
        "{\"records\":{\"t-0\":[{\"topic\":\"t\",\"partition\":null}]}}",
        "{\"records\":{\"t-0\":[{\"topic\":\"t\",\"headers\":[{\"k\":[300]}]}]}}",
      })
  void kafkaReader_declinesTheLeniencies_andTheCodecThenDoesWhatTheRuntimeDoes(String text) {
    byte[] json = text.getBytes(StandardCharsets.UTF_8);

    assertNull(KafkaEventReader.read(JSON, json), "declined");
    Object runtime;
    try {
      runtime = RuntimeOracle.read(json, KafkaEvent.class);
    } catch (RuntimeException runtimeFails) {
      org.junit.jupiter.api.Assertions.assertThrows(
          RuntimeException.class, () -> CODEC.read(json, KafkaEvent.class));
      return;
    }
    FieldGraphWalker.firstDifference(runtime, CODEC.read(json, KafkaEvent.class))
        .ifPresent(path -> fail("first difference at " + path + " (runtime, Lamina)"));
  }

  @org.junit.jupiter.api.Test
  void kafkaHeaderBytes_readAsTheRuntimeReadsThem_negativeAndHighValuesIncluded() {
    byte[] json =
        ("{\"records\":{\"t-0\":[{\"topic\":\"t\",\"partition\":0,\"offset\":1,"
                + "\"headers\":[{\"k\":[0,127,128,255,-1,-128]}]}]}}")
            .getBytes(StandardCharsets.UTF_8);

    KafkaEvent event = KafkaEventReader.read(JSON, json);

    assertNotNull(event);
    assertLikeTheRuntime(event, json, KafkaEvent.class);
  }
}
