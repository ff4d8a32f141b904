package dev.lamina.batch;

import static dev.lamina.batch.Batches.STANDARD_QUEUE;
import static dev.lamina.batch.Batches.message;
import static dev.lamina.batch.Batches.reported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.test.CapturedStdout;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each payload type receives, and what a batch writes to the log. */
class DecodingAndLoggingTest {

  public record Order(String id, int quantity) {}

  private static <E, T> List<T> decodeAll(Class<E> type, E event, Type payload) throws Exception {
    List<T> seen = new ArrayList<>();
    BatchProcessor.<E, T>builder(type, payload, (T record, RecordContext c) -> seen.add(record))
        .handlerClass(DecodingAndLoggingTest.class)
        .build()
        .process(event, Batches.invocation());
    return seen;
  }

  @Test
  void sqsBody_asARecord_asText_asBytes_asATree_andAsTheMessageItself() throws Exception {
    SQSEvent event =
        Batches.sqs(
            List.of(message("m-1", "{\"id\":\"o-1\",\"quantity\":2}", STANDARD_QUEUE, null, 1)));

    assertEquals(List.of(new Order("o-1", 2)), decodeAll(SQSEvent.class, event, Order.class));
    assertEquals(
        List.of("{\"id\":\"o-1\",\"quantity\":2}"),
        decodeAll(SQSEvent.class, event, String.class),
        "text exactly as sent");
    assertEquals(
        "{\"id\":\"o-1\",\"quantity\":2}",
        new String(
            DecodingAndLoggingTest.<SQSEvent, byte[]>decodeAll(SQSEvent.class, event, byte[].class)
                .get(0),
            java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(
        2,
        DecodingAndLoggingTest.<SQSEvent, JsonNode>decodeAll(SQSEvent.class, event, JsonNode.class)
            .get(0)
            .get("quantity")
            .asInt());
    assertEquals(
        "m-1",
        DecodingAndLoggingTest.<SQSEvent, SQSEvent.SQSMessage>decodeAll(
                SQSEvent.class, event, SQSEvent.SQSMessage.class)
            .get(0)
            .getMessageId());
  }

  @Test
  void snsNotificationInAnSqsBody_isUnwrappedToItsMessage() throws Exception {
    String envelope =
        "{\"Type\":\"Notification\",\"MessageId\":\"sns-1\",\"TopicArn\":"
            + "\"arn:aws:sns:eu-west-1:123456789012:orders\",\"Message\":"
            + "\"{\\\"id\\\":\\\"o-9\\\",\\\"quantity\\\":4}\",\"Timestamp\":\"2026-12-01T10:00:00.000Z\","
            + "\"SignatureVersion\":\"1\",\"Signature\":\"c2ln\"}";
    SQSEvent event = Batches.sqs(List.of(message("m-1", envelope, STANDARD_QUEUE, null, 1)));

    assertEquals(List.of(new Order("o-9", 4)), decodeAll(SQSEvent.class, event, Order.class));
    assertEquals(
        List.of(envelope),
        decodeAll(SQSEvent.class, event, String.class),
        "text is never rewritten");
  }

  @Test
  void dynamodbImage_asAttributeValues_whenThatIsTheType() throws Exception {
    DynamodbEvent event = Batches.dynamo(List.of(Batches.dynamo("1", "7", "hello")));
    Type attributeMap =
        new com.fasterxml.jackson.core.type.TypeReference<
            Map<String, AttributeValue>>() {}.getType();

    List<Map<String, AttributeValue>> seen = decodeAll(DynamodbEvent.class, event, attributeMap);

    assertEquals("7", seen.get(0).get("Id").getN());
  }

  @Test
  void kinesisData_asBytes_exactly() throws Exception {
    KinesisEvent event = Batches.kinesis(List.of(Batches.kinesis("1", "k", "raw \u00e9 data")));

    byte[] data =
        DecodingAndLoggingTest.<KinesisEvent, byte[]>decodeAll(
                KinesisEvent.class, event, byte[].class)
            .get(0);

    assertEquals("raw \u00e9 data", new String(data, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void batch_writesOneSummaryLine_andOneLinePerFailure_withTheIdAndTypeButNoPayload()
      throws Exception {
    SQSEvent event =
        Batches.sqs(
            List.of(
                message("m-1", "{\"id\":\"secret-1\",\"quantity\":1}", STANDARD_QUEUE, null, 1),
                message("m-2", "{\"id\":\"secret-2\",\"quantity\":-1}", STANDARD_QUEUE, null, 1),
                message("m-3", "not json: secret-3", STANDARD_QUEUE, null, 1)));
    RecordHandler<Order> handler =
        (order, context) -> {
          if (order.quantity() < 0) {
            throw new IllegalStateException("refused order " + order.id());
          }
        };
    List<JsonNode> lines;
    Object response;
    try (CapturedStdout out = new CapturedStdout()) {
      response =
          BatchProcessor.builder(SQSEvent.class, Order.class, handler)
              .handlerClass(DecodingAndLoggingTest.class)
              .build()
              .process(event, Batches.invocation());
      lines = out.jsonLines();
    }

    assertEquals(List.of("m-2", "m-3"), reported(response));
    List<JsonNode> failures =
        lines.stream()
            .filter(l -> l.has("record_id") && "WARN".equals(l.path("level").asText()))
            .toList();
    assertEquals(2, failures.size(), lines.toString());
    assertEquals(IllegalStateException.class.getName(), failures.get(0).path("exception").asText());
    JsonNode summary = lines.stream().filter(l -> l.has("batch_records")).findFirst().orElseThrow();
    assertEquals(3, summary.path("batch_records").asInt());
    assertEquals(1, summary.path("batch_succeeded").asInt());
    assertEquals(2, summary.path("batch_failed").asInt());
    assertEquals(0, summary.path("batch_cut").asInt());
    assertTrue(summary.has("batch_duration_ms"));
    assertFalse(lines.toString().contains("secret"), "no payload in any line");
  }
}
