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
  private static final String API_GATEWAY = "{\"httpMethod\":\"POST\","
      + "\"headers\":{\"idempotency-key\":\"k-42\",\"Content-Type\":\"application/json\"},"
      + "\"body\":\"{\\\"orderId\\\":\\\"o-7\\\",\\\"lines\\\":[{\\\"sku\\\":\\\"a/b\\\"}]}\"}";

  private static String keyOf(KeyExtractor extractor, String json) {
    JsonNode tree = CODEC.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), JsonNode.class);
    Invocation invocation = new Invocation(FakeContext.builder().requestId("req-9").build(),
        Clock.systemUTC(), false);
    return extractor.keyOf(new KeySource() {
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
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KeyExtractors.path("body.orderId"));
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
    assertEquals("k-1", keyOf(KeyExtractors.idempotencyKeyHeader(),
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
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KeyExtractors.parse("orderId"));
    assertTrue(e.getMessage().contains("[orderId]"), e.getMessage());
  }
}
