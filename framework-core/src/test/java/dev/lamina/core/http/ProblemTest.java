package dev.lamina.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.core.codec.Codecs;
import dev.lamina.core.codec.InputMismatchException;
import dev.lamina.core.codec.MalformedInputException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RFC 9457 value: defaults, rendering and escaping, and what it refuses. */
class ProblemTest {

  @Test
  void aboutBlank_takesTheStatusPhraseAsTitle_andRendersTheStandardMembersFirst() {
    Problem problem = Problem.of(409, "Still being handled");

    assertEquals(Problem.ABOUT_BLANK, problem.type());
    assertEquals("Conflict", problem.title());
    assertEquals(
        "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"Still being handled\"}",
        problem.toJson());
  }

  @Test
  void ownType_hasNoDefaultTitle_andCarriesInstanceAndExtensions() {
    List<Map<String, Object>> errors = new ArrayList<>();
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("pointer", "#/cents");
    error.put("detail", "must be positive");
    errors.add(error);
    Problem problem =
        Problem.builder(422)
            .type(URI.create("https://example.com/problems/invalid"))
            .instance(URI.create("/payments/7"))
            .extension("errors", errors)
            .extension("count", 1)
            .extension("ratio", 0.5)
            .extension("none", null)
            .build();
    errors.clear(); // copied at build

    assertNull(problem.title());
    JsonNode json = HttpFamilies.parse(problem.toJson());
    assertEquals("https://example.com/problems/invalid", json.get("type").asText());
    assertNull(json.get("title"));
    assertEquals("/payments/7", json.get("instance").asText());
    assertEquals("#/cents", json.get("errors").get(0).get("pointer").asText());
    assertEquals(1, json.get("count").asInt());
    assertEquals(0.5, json.get("ratio").asDouble());
    assertTrue(json.get("none").isNull());
  }

  @Test
  void strings_areEscapedAsJson() {
    String nasty = "quote \" backslash \\ newline \n tab \t nul \u0000 </script> é 😀";
    Problem problem = Problem.builder(400).detail(nasty).extension("also", nasty).build();

    JsonNode json = HttpFamilies.parse(problem.toJson());
    assertEquals(nasty, json.get("detail").asText());
    assertEquals(nasty, json.get("also").asText());
    assertFalse(problem.toJson().contains("\n"), problem.toJson());
  }

  @Test
  void refuses_nonErrorStatuses_standardMembersAsExtensions_otherValues_andContentType() {
    assertThrows(IllegalArgumentException.class, () -> Problem.builder(200));
    assertThrows(IllegalArgumentException.class, () -> Problem.builder(600));
    assertThrows(IllegalArgumentException.class, () -> Problem.builder(400).extension("status", 1));
    assertThrows(
        IllegalArgumentException.class, () -> Problem.builder(400).extension("x", new Object()));
    assertThrows(
        IllegalArgumentException.class, () -> Problem.builder(400).extension("x", Map.of(1, 2)));
    assertThrows(
        IllegalArgumentException.class,
        () -> Problem.builder(400).header("content-type", "text/plain"));
  }

  @Test
  void headers_keepTheirOrder_andTheValueIsImmutable() {
    Problem problem = Problem.builder(503).header("Retry-After", "30").header("X-A", "1").build();

    assertEquals(List.of("Retry-After", "X-A"), List.copyOf(problem.headers().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> problem.headers().put("X", "y"));
    assertEquals(
        problem, Problem.builder(503).header("Retry-After", "30").header("X-A", "1").build());
  }

  @Test
  void reasonPhrases() {
    assertEquals("Bad Request", Problem.reason(400));
    assertEquals("Unprocessable Content", Problem.reason(422));
    assertEquals("Client Error", Problem.reason(499));
    assertEquals("Server Error", Problem.reason(599));
  }

  @Test
  void codecFailures_are400_withThePathAndNoValue() {
    String secret = "s3cr3t-value";
    MalformedInputException malformed =
        assertThrows(
            MalformedInputException.class,
            () -> Codecs.standard().read(("{\"a\":\"" + secret + "\" x}").getBytes(), Map.class));
    InputMismatchException mismatch =
        assertThrows(
            InputMismatchException.class,
            () ->
                Codecs.standard()
                    .read(("{\"n\":{\"v\":\"" + secret + "\"}}").getBytes(), Numbers.class));

    Problem p1 = malformed.problem();
    Problem p2 = mismatch.problem();
    assertEquals(400, p1.status());
    assertEquals(400, p2.status());
    assertEquals("$.n", p2.extensions().get("jsonPath"));
    assertFalse(p1.toJson().contains(secret), p1.toJson());
    assertFalse(p2.toJson().contains(secret), p2.toJson());
    assertTrue(p1.detail().matches(".*\\(line 1, column \\d+\\)"), p1.detail());
  }

  record Numbers(int n) {}
}
