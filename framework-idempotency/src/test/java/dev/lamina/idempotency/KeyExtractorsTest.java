package dev.lamina.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.core.Invocation;
import dev.lamina.core.codec.Codecs;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.test.FakeContext;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class KeyExtractorsTest {
  private static final PayloadCodec CODEC = Codecs.standard();
  private static final String API_GATEWAY =
      "{\"httpMethod\":\"POST\","
          + "\"headers\":{\"idempotency-key\":\"k-42\",\"Content-Type\":\"application/json\"},"
          + "\"body\":\"{\\\"orderId\\\":\\\"o-7\\\",\\\"lines\\\":[{\\\"sku\\\":\\\"a/b\\\"}]}\"}";

  private static String keyOf(KeyExtractor extractor, String json) {
    JsonNode tree =
        CODEC.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), JsonNode.class);
    Invocation invocation =
        new Invocation(FakeContext.builder().requestId("req-9").build(), Clock.systemUTC(), false);
    return extractor.keyOf(
        new KeySource() {
          @Override
          public Object input() {
            return tree;
          }

          @Override
          public JsonNode json() {
            return tree;
          }

          @Override
          public Invocation invocation() {
            return invocation;
          }
        });
  }

  @Test
  void path_descendsIntoAJsonEncodedBody() {
    assertEquals("o-7", keyOf(KeyExtractors.path("/body/orderId"), API_GATEWAY));
    assertEquals("a/b", keyOf(KeyExtractors.path("/body/lines/0/sku"), API_GATEWAY));
  }

  @Test
  void path_toAnObject_isItsCompactJson() {
    assertEquals("{\"sku\":\"a/b\"}", keyOf(KeyExtractors.path("/body/lines/0"), API_GATEWAY));
  }

  @Test
  void path_toAnObject_isCanonical_soAReorderedKeyIsTheSameKey() {
    String ab =
        "{\"body\":\"{\\\"key\\\":{\\\"a\\\":1,\\\"b\\\":[2,{\\\"d\\\":4,\\\"c\\\":3}]}}\"}";
    String ba =
        "{\"body\":\"{\\\"key\\\":{\\\"b\\\":[2,{\\\"c\\\":3,\\\"d\\\":4}],\\\"a\\\":1}}\"}";

    assertEquals(
        "{\"a\":1,\"b\":[2,{\"c\":3,\"d\":4}]}", keyOf(KeyExtractors.path("/body/key"), ab));
    assertEquals(
        keyOf(KeyExtractors.path("/body/key"), ab), keyOf(KeyExtractors.path("/body/key"), ba));
  }

  @Test
  void path_descendsIntoABase64Body_givingTheSameKeyAsThePlainOne() {
    String body = "{\"orderId\":\"o-7\"}";
    String encoded =
        java.util.Base64.getEncoder()
            .encodeToString(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String plainEvent = Events.json("apigw_http_event.json", e -> e.put("body", body));
    String base64Event =
        Events.json(
            "apigw_http_event.json", e -> e.put("body", encoded).put("isBase64Encoded", true));
    String notFlagged = Events.json("apigw_http_event.json", e -> e.put("body", encoded));

    assertEquals("o-7", keyOf(KeyExtractors.path("/body/orderId"), base64Event));
    assertEquals(
        keyOf(KeyExtractors.path("/body"), plainEvent),
        keyOf(KeyExtractors.path("/body"), base64Event));
    assertNull(
        keyOf(KeyExtractors.path("/body/orderId"), notFlagged),
        "a body not flagged as base64 is not decoded");
  }

  @Test
  void path_intoOneRecordOfABatch_isRejected_pointingToPerRecordIdempotency() {
    String twoMessages =
        Events.json(
            "sqs_event_product.json",
            e -> e.withArray("/Records").add(e.withArray("/Records").get(0).deepCopy()));
    String oneMessage = Events.json("sqs_event_product.json");

    IdempotencyException e =
        assertThrows(
            IdempotencyException.class,
            () -> keyOf(KeyExtractors.path("/Records/0/messageId"), twoMessages));
    assertTrue(e.getMessage().contains("[/Records/0/messageId]"), e.getMessage());
    assertTrue(e.getMessage().contains("framework-batch"), e.getMessage());
    assertEquals(
        "d9144555-9a4f-4ec3-99a0-34ce359b4b54",
        keyOf(KeyExtractors.path("/Records/0/messageId"), oneMessage),
        "one record is that record");
    assertThrows(
        IdempotencyException.class,
        () ->
            keyOf(
                KeyExtractors.path("/records/mytopic-01/0/offset"),
                Events.json(
                    "kafka_event.json",
                    k ->
                        k.withArray("/records/mytopic-01")
                            .add(k.withArray("/records/mytopic-01").get(0).deepCopy()))));
  }

  @Test
  void path_thatFindsNothing_isNoKey() {
    assertNull(keyOf(KeyExtractors.path("/body/missing"), API_GATEWAY));
    assertNull(keyOf(KeyExtractors.path("/httpMethod/deeper"), API_GATEWAY));
    assertNull(keyOf(KeyExtractors.path("/body/lines/5"), API_GATEWAY));
  }

  @Test
  void path_unescapesSlashAndTilde() {
    assertEquals("1", keyOf(KeyExtractors.path("/a~1b/c~0d"), "{\"a/b\":{\"c~d\":1}}"));
  }

  @Test
  void path_rejectsMalformedExpressions_namingThem() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KeyExtractors.path("body.orderId"));
    assertTrue(e.getMessage().contains("[body.orderId]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KeyExtractors.path("/a~2"));
  }

  @Test
  void header_matchesIgnoringCase() {
    assertEquals("k-42", keyOf(KeyExtractors.idempotencyKeyHeader(), API_GATEWAY));
    assertNull(keyOf(KeyExtractors.header("X-Other"), API_GATEWAY));
  }

  @Test
  void header_fallsBackToMultiValueHeaders() {
    assertEquals(
        "k-1",
        keyOf(
            KeyExtractors.idempotencyKeyHeader(),
            "{\"multiValueHeaders\":{\"Idempotency-Key\":[\"k-1\",\"k-2\"]}}"));
  }

  @Test
  void requestId_isTheDefault() {
    assertEquals("req-9", keyOf(KeyExtractors.parse(""), "{}"));
    assertEquals("req-9", keyOf(KeyExtractors.parse("requestId"), "{}"));
  }

  @Test
  void parse_readsEveryTextForm() {
    assertEquals("k-42", keyOf(KeyExtractors.parse("header:Idempotency-Key"), API_GATEWAY));
    assertEquals("o-7", keyOf(KeyExtractors.parse("/body/orderId"), API_GATEWAY));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KeyExtractors.parse("orderId"));
    assertTrue(e.getMessage().contains("[orderId]"), e.getMessage());
  }
}
