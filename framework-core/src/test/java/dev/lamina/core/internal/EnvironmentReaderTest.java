package dev.lamina.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.test.CapturedStdout;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentReaderTest {

  @Test
  void blankMeansUnset_andValuesAreTrimmed() {
    EnvironmentReader env = new EnvironmentReader(Map.of("A", "  ", "B", " value ", "C", ""));

    assertNull(env.get("A"));
    assertNull(env.get("C"));
    assertNull(env.get("MISSING"));
    assertEquals("value", env.get("B"));
    assertEquals("value", env.firstOf("A", "C", "B"));
    assertEquals(List.of(), env.problems());
  }

  @Test
  void everyBadValue_isOneProblemNamingTheVariable_andAllAreKept() {
    EnvironmentReader env =
        new EnvironmentReader(
            Map.of(
                "N", "an hour", "B", "yes", "E", "soon", "U", "not a uri", "R", "relative/path"));

    assertNull(env.wholeNumber("N"));
    assertNull(env.bool("B"));
    assertNull(env.oneOf("E", ChronoUnit.class));
    assertNull(env.absoluteUri("U", "http://127.0.0.1:8000"));
    assertNull(env.absoluteUri("R", "http://127.0.0.1:8000"));
    assertNull(env.require("REQUIRED", "the table name"));

    List<String> problems = env.problems();
    assertEquals(6, problems.size(), problems.toString());
    assertEquals("[N] must be a whole number, was [an hour]", problems.get(0));
    assertEquals("[B] must be true or false, was [yes]", problems.get(1));
    assertTrue(problems.get(2).startsWith("[E] must be NANOS, MICROS"), problems.get(2));
    assertTrue(problems.get(2).endsWith(" or FOREVER, was [soon]"), problems.get(2));
    assertEquals(
        "[U] must be an absolute URI such as http://127.0.0.1:8000, or unset", problems.get(3));
    assertTrue(problems.get(4).startsWith("[R] must be an absolute URI"), problems.get(4));
    assertEquals("[REQUIRED] is required: the table name", problems.get(5));
    assertTrue(env.describeProblems("Store").startsWith("Store: [N] must be"));
  }

  @Test
  void goodValues_parse_inAnyCase() {
    EnvironmentReader env =
        new EnvironmentReader(
            Map.of("N", " 42 ", "B", "TRUE", "E", "seconds", "U", "http://127.0.0.1:4583"));

    assertEquals(42L, env.wholeNumber("N"));
    assertEquals(Boolean.TRUE, env.bool("B"));
    assertEquals(ChronoUnit.SECONDS, env.oneOf("E", ChronoUnit.class));
    assertEquals(URI.create("http://127.0.0.1:4583"), env.absoluteUri("U", "x"));
    assertTrue(!env.hasProblems());
  }

  @Test
  void aDeprecatedName_isStillRead_withAWarningThatNamesBoth() {
    EnvironmentReader env = new EnvironmentReader(Map.of("OLD_NAME", "v"));
    String value;
    List<com.fasterxml.jackson.databind.JsonNode> lines;
    try (CapturedStdout out = new CapturedStdout()) {
      value = env.get("NEW_NAME", "OLD_NAME");
      lines = out.jsonLines();
    }

    assertEquals("v", value);
    assertEquals(1, lines.size(), lines.toString());
    assertEquals("WARN", lines.get(0).path("level").asText());
    assertTrue(
        lines
            .get(0)
            .path("message")
            .asText()
            .contains("[OLD_NAME] is deprecated: rename it" + " to [NEW_NAME]"),
        lines.toString());
  }

  @Test
  void theNewName_winsOverTheDeprecatedOne_silently() {
    EnvironmentReader env = new EnvironmentReader(Map.of("OLD_NAME", "old", "NEW_NAME", "new"));
    try (CapturedStdout out = new CapturedStdout()) {
      assertEquals("new", env.get("NEW_NAME", "OLD_NAME"));
      assertEquals(List.of(), out.jsonLines());
    }
  }
}
