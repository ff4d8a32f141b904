package dev.lamina.samples.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.LocalLambdaTest;
import dev.lamina.test.metrics.EmfLine;
import dev.lamina.test.metrics.EmfSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The metrics sample under the real AWS Lambda runtime interface client: the lines it writes are
 * valid Embedded Metric Format, say what the invocations did, and carry nothing from one
 * invocation into the next.
 */
@LocalLambdaTest(
    handler = "dev.lamina.samples.metrics.MeteredGreetingHandler",
    environment = {"AWS_LAMBDA_FUNCTION_NAME=metered-greeting", "LAMINA_SERVICE_NAME=greeter"})
class MeteredGreetingRuntimeTest {
  private static final EmfSchema SCHEMA = EmfSchema.load();

  @Test
  void threeInvocations_writeValidLines_withNoMetricOrDimensionCarriedOver(LocalLambda lambda) {
    InvocationResult first = lambda.invoke("{\"name\":\"Bartholomew Ashdown\"}");
    InvocationResult second = lambda.invoke("{\"name\":\"Ada\"}");
    InvocationResult failed = lambda.invoke("{\"name\":\" \"}");
    assertFalse(first.isError(), first.toString());
    assertFalse(second.isError(), second.toString());
    assertTrue(failed.isError(), failed.toString());
    lambda.awaitStdoutLine(
        l -> l.contains("\"_aws\"") && l.contains(failed.requestId()), Duration.ofSeconds(10));

    List<EmfLine> lines = EmfLine.allIn(lambda.stdoutLines());
    for (EmfLine line : lines) {
      assertEquals(List.of(), SCHEMA.problems(line.text()), line.text());
      assertEquals("LaminaSamples", line.namespace());
    }
    assertEquals(4, lines.size(), "a cold start and one line per invocation: " + lines);

    EmfLine cold = lines.get(0);
    assertEquals(List.of(List.of("FunctionName", "Service")), cold.dimensionSets());
    assertEquals(
        Map.of("FunctionName", "metered-greeting", "Service", "greeter"), cold.dimensions());
    assertEquals(List.of(1.0), cold.metric("ColdStart").values());
    assertEquals(first.requestId(), cold.properties().get("function_request_id").asText());

    EmfLine a = lines.get(1);
    assertEquals(first.requestId(), a.properties().get("function_request_id").asText());
    assertEquals(List.of(List.of("Service", "NameSize")), a.dimensionSets());
    assertEquals(Map.of("Service", "greeter", "NameSize", "long"), a.dimensions());
    assertEquals(List.of(1.0), a.metric("GreetingAttempts").values());
    assertEquals(List.of(1.0), a.metric("Greetings").values());
    assertEquals(List.of(19.0), a.metric("NameLength").values());
    assertEquals("Count", a.metric("Greetings").unit());

    EmfLine b = lines.get(2);
    assertEquals(second.requestId(), b.properties().get("function_request_id").asText());
    assertEquals(List.of(List.of("Service")), b.dimensionSets(), "NameSize was the first's only");
    assertEquals(List.of(3.0), b.metric("NameLength").values());
    assertEquals(List.of(1.0), b.metric("Greetings").values(), "not 2: nothing carried over");

    EmfLine c = lines.get(3);
    assertEquals(failed.requestId(), c.properties().get("function_request_id").asText());
    assertEquals(
        new ArrayList<>(List.of("GreetingAttempts")),
        new ArrayList<>(c.metrics().keySet()),
        "written although the handler threw");
  }
}
