package dev.lamina.benchmarks.powertools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.LocalLambdaTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Powertools greeting under the real runtime interface client, as the cold-start harness runs
 * it: the response is the greeting, and the log line is Powertools' JSON with the Lambda context
 * fields, which only the woven {@code @Logging} aspect fills in (compiled without weaving, the
 * line still parses but {@code function_request_id} and the other context fields are null), so
 * this also proves the compile-time weaving. One environment serves the class, so the greeting
 * goes first, while it is still the cold start.
 */
@LocalLambdaTest(
    handler = "dev.lamina.benchmarks.powertools.PowertoolsGreetingHandler::handleRequest",
    environment = {"AWS_LAMBDA_FUNCTION_NAME=greeting", "POWERTOOLS_SERVICE_NAME=greeter"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PowertoolsGreetingHandlerRuntimeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @Order(1)
  void greets_andLogsOnePowertoolsJsonLine_withTheInvocationsRequestId(LocalLambda lambda)
      throws Exception {
    InvocationResult result = lambda.invoke("{\"name\":\"Ada\"}");

    assertFalse(result.isError(), result.toString());
    JsonNode body = JSON.readTree(result.body());
    assertEquals("Hello, Ada!", body.get("message").asText());
    assertEquals(result.requestId(), body.get("requestId").asText());
    assertTrue(body.get("coldStart").asBoolean());

    JsonNode line =
        JSON.readTree(
            lambda.awaitStdoutLine(l -> l.contains("Greeting a visitor"), Duration.ofSeconds(10)));
    assertEquals("Greeting a visitor", line.get("message").asText(), line.toString());
    assertEquals("INFO", line.get("level").asText());
    assertEquals(
        result.requestId(),
        line.path("function_request_id").asText(),
        "no function_request_id: was @Logging woven? " + line);
    for (String field :
        List.of(
            "timestamp",
            "service",
            "cold_start",
            "function_name",
            "function_arn",
            "function_memory_size",
            "function_version")) {
      assertTrue(line.hasNonNull(field), "missing [" + field + "] in " + line);
    }
    assertEquals("greeter", line.get("service").asText());
    assertEquals("greeting", line.get("function_name").asText());
    assertTrue(line.get("cold_start").asBoolean(), line.toString());
    assertEquals(3, line.get("name_length").asInt(), line.toString());
  }

  @Test
  @Order(2)
  void missingName_yieldsTheRuntimesErrorResponse(LocalLambda lambda) {
    InvocationResult failed = lambda.invoke("{}");

    assertTrue(failed.isError());
    assertEquals("java.lang.IllegalArgumentException", failed.errorType());
    assertTrue(failed.errorMessage().contains("[name] is required"), failed.errorMessage());
  }
}
