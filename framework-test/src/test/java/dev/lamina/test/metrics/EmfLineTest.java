package dev.lamina.test.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema and the parser reject what the specification forbids, and read what it allows. */
class EmfLineTest {
  private static final EmfSchema SCHEMA = EmfSchema.load();

  /** The specification's own example. */
  private static final String EXAMPLE =
      "{\"_aws\":{\"Timestamp\":1574109732004,\"CloudWatchMetrics\":[{\"Namespace\":"
          + "\"lambda-function-metrics\",\"Dimensions\":[[\"functionVersion\"]],\"Metrics\":"
          + "[{\"Name\":\"time\",\"Unit\":\"Milliseconds\",\"StorageResolution\":60}]}]},"
          + "\"functionVersion\":\"$LATEST\",\"time\":100,\"requestId\":\"989ffbf8\"}";

  @Test
  void theSpecificationsExample_isValid_andParsesIntoItsMetric() {
    assertEquals(List.of(), SCHEMA.problems(EXAMPLE));
    EmfLine line = EmfLine.parse(EXAMPLE);
    assertEquals("lambda-function-metrics", line.namespace());
    assertEquals(List.of(List.of("functionVersion")), line.dimensionSets());
    assertEquals(Map.of("functionVersion", "$LATEST"), line.dimensions());
    assertEquals(
        new EmfLine.Metric("time", "Milliseconds", 60, List.of(100.0)), line.metric("time"));
    assertEquals("989ffbf8", line.properties().get("requestId").asText());
  }

  @Test
  void theSchema_rejectsWhatTheSpecificationForbids() {
    assertFalse(SCHEMA.problems("{\"time\":1}").isEmpty(), "no _aws");
    assertFalse(SCHEMA.problems(EXAMPLE.replace("\"Timestamp\":1574109732004,", "")).isEmpty());
    assertFalse(SCHEMA.problems(EXAMPLE.replace("Milliseconds", "Millis")).isEmpty(), "unit");
    assertFalse(
        SCHEMA
            .problems(EXAMPLE.replace("\"StorageResolution\":60", "\"StorageResolution\":5"))
            .isEmpty(),
        "resolution");
    assertFalse(SCHEMA.problems(EXAMPLE.replace("\"lambda-function-metrics\"", "\"\"")).isEmpty());
    StringBuilder dims = new StringBuilder();
    StringBuilder metrics = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      dims.append(i == 0 ? "" : ",").append("\"d").append(i).append('"');
      metrics.append(i == 0 ? "" : ",").append("{\"Name\":\"m").append(i).append("\"}");
    }
    assertFalse(
        SCHEMA.problems(EXAMPLE.replace("[\"functionVersion\"]", "[" + dims + "]")).isEmpty(),
        "more than 30 dimensions in a set");
    assertFalse(
        SCHEMA
            .problems(
                EXAMPLE.replace(
                    "[{\"Name\":\"time\",\"Unit\":\"Milliseconds\",\"StorageResolution\":60}]",
                    "[" + metrics + "]"))
            .isEmpty(),
        "more than 100 metrics");
  }

  @Test
  void theParser_rejectsMissingOrMistypedTargets() {
    assertThrows(
        IllegalArgumentException.class, () -> EmfLine.parse(EXAMPLE.replace("\"time\":100,", "")));
    assertThrows(
        IllegalArgumentException.class,
        () -> EmfLine.parse(EXAMPLE.replace("\"time\":100", "\"time\":\"100\"")));
    assertThrows(
        IllegalArgumentException.class, () -> EmfLine.parse(EXAMPLE.replace("\"$LATEST\"", "7")));
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      values.append(i == 0 ? "" : ",").append(i);
    }
    IllegalArgumentException tooMany =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmfLine.parse(EXAMPLE.replace("\"time\":100", "\"time\":[" + values + "]")));
    assertTrue(tooMany.getMessage().contains("101 values"), tooMany.getMessage());
  }

  @Test
  void allIn_picksMetricLinesOutOfLogOutput() {
    List<EmfLine> lines =
        EmfLine.allIn(
            List.of("START RequestId: x", "{\"level\":\"INFO\",\"message\":\"hi\"}", EXAMPLE));
    assertEquals(1, lines.size());
    assertEquals(EXAMPLE, lines.get(0).text());
  }
}
