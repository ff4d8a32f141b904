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
    assertEquals("{\"a\":[{\"x\":1,\"y\":2}],\"b\":{\"c\":true,\"d\":null}}",
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
  void onlyOneJsonValueIsJson() {
    assertNull(CanonicalJson.parse("{} {}".getBytes(StandardCharsets.UTF_8)));
    assertNull(CanonicalJson.parse("not json".getBytes(StandardCharsets.UTF_8)));
    assertNull(CanonicalJson.parseContainer("\"a string\""), "only objects and arrays are bodies");
  }
}
