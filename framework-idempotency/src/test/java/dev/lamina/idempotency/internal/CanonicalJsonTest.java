package dev.lamina.idempotency.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  private static String canonical(String json) {
    return CanonicalJson.text(CanonicalJson.parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void propertiesAreSortedAtEveryLevel_andWhiteSpaceDropped() {
    assertEquals(
        "{\"a\":[{\"x\":1,\"y\":2}],\"b\":{\"c\":true,\"d\":null}}",
        canonical("{ \"b\": {\"d\": null, \"c\": true}, \"a\": [ {\"y\":2, \"x\":1} ] }"));
  }

  @Test
  void numbersHaveOneSpelling_andStayExact() {
    assertEquals(canonical("[100]"), canonical("[100.0]"));
    assertEquals(canonical("[100]"), canonical("[1e2]"));
    assertEquals(canonical("[1.5]"), canonical("[1.50]"));
    assertEquals(canonical("[0]"), canonical("[0.000]"));
    assertEquals("[12345678901234567.89]", canonical("[12345678901234567.89]"));
    assertNotEquals(canonical("[12345678901234567.89]"), canonical("[12345678901234567.88]"));
    assertEquals("[123456789012345678901234567890]", canonical("[123456789012345678901234567890]"));
  }

  @Test
  void hashingATree_andStreamingTheSameJson_agree() {
    java.util.List<String> documents =
        new java.util.ArrayList<>(
            java.util.List.of(
                "{\"b\":1,\"a\":[1.50,100.0,1e2,-0.0,12345678901234567.89,123456789012345678901234567890]}",
                "{\"a\":{\"z\":null,\"y\":true,\"x\":false},\"a2\":\"\\u00e9\\n\"}",
                "{\"dup\":1,\"dup\":2}",
                "[]",
                "{}",
                "\"text\"",
                "42",
                "null"));
    for (String fixture :
        java.util.List.of(
            "apigw_http_event.json",
            "sqs_event_product.json",
            "dynamo_event.json",
            "kafka_event.json",
            "sns_event.json")) {
      documents.add(dev.lamina.idempotency.Events.json(fixture));
    }
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 200; i++) {
      documents.add(randomJson(random, 3));
    }
    for (String json : documents) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      assertEquals(CanonicalHash.of(CanonicalJson.parse(bytes)), CanonicalHash.ofJson(bytes), json);
    }
    assertNull(CanonicalHash.ofJson("{\"a\":1} 2".getBytes(StandardCharsets.UTF_8)));
    assertNotEquals(
        CanonicalHash.ofJson("{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
        CanonicalHash.ofJson("{\"a\":\"1\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        CanonicalHash.ofJson("{\"a\":1,\"b\":[2]}".getBytes(StandardCharsets.UTF_8)),
        CanonicalHash.ofJson("{ \"b\" : [ 2.0 ], \"a\" : 1 }".getBytes(StandardCharsets.UTF_8)));
  }

  private static String randomJson(java.util.Random r, int depth) {
    switch (depth == 0 ? r.nextInt(4) : r.nextInt(6)) {
      case 0:
        return "\"s" + r.nextInt(5) + "\"";
      case 1:
        return r.nextBoolean()
            ? Integer.toString(r.nextInt(1000) - 500)
            : (r.nextInt(100000) / 100.0) + (r.nextBoolean() ? "0" : "");
      case 2:
        return r.nextBoolean() ? "true" : "null";
      case 3:
        return "[]";
      case 4:
        StringBuilder array = new StringBuilder("[");
        for (int i = r.nextInt(4); i > 0; i--) {
          array.append(randomJson(r, depth - 1)).append(i > 1 ? "," : "");
        }
        return array.append("]").toString();
      default:
        StringBuilder object = new StringBuilder("{");
        for (int i = r.nextInt(5); i > 0; i--) {
          object
              .append("\"k")
              .append(r.nextInt(6))
              .append("\":")
              .append(randomJson(r, depth - 1))
              .append(i > 1 ? "," : "");
        }
        return object.append("}").toString();
    }
  }

  @Test
  void onlyOneJsonValueIsJson() {
    assertNull(CanonicalJson.parse("{} {}".getBytes(StandardCharsets.UTF_8)));
    assertNull(CanonicalJson.parse("not json".getBytes(StandardCharsets.UTF_8)));
    assertNull(CanonicalJson.parseContainer("\"a string\""), "only objects and arrays are bodies");
  }
}
