package dev.lamina.samples.greeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.test.InitError;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.LocalLambdaTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The greeting sample under the real AWS Lambda runtime interface client, in a child JVM talking
 * to a local Runtime API. One environment serves the class, so invocations are in order. The
 * function's log format is JSON (as on Lambda with {@code LoggingConfig.LogFormat=JSON}), so the
 * runtime's own error report is a JSON line too and every line of output must parse.
 */
@LocalLambdaTest(
    handler = "dev.lamina.samples.greeting.GreetingHandler",
    environment = {
      "AWS_LAMBDA_FUNCTION_NAME=greeting",
      "POWERTOOLS_SERVICE_NAME=greeter",
      "AWS_LAMBDA_LOG_FORMAT=JSON"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GreetingHandlerRuntimeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> logLines(LocalLambda lambda) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : lambda.stdoutLines()) {
      lines.add(JSON.readTree(line)); // every line of output must be JSON
    }
    return lines;
  }

  @Test
  @Order(1)
  void answersTwoInvocations_withColdStartTrueThenFalse(LocalLambda lambda) throws Exception {
    InvocationResult first = lambda.invoke("{\"name\":\"Ada\"}");
    InvocationResult second = lambda.invoke("{\"name\":\"Grace\"}");

    assertFalse(first.isError(), first.toString());
    assertFalse(second.isError(), second.toString());
    JsonNode a = JSON.readTree(first.body());
    JsonNode b = JSON.readTree(second.body());
    assertEquals("Hello, Ada!", a.get("message").asText());
    assertEquals(first.requestId(), a.get("requestId").asText());
    assertTrue(a.get("coldStart").asBoolean());
    assertEquals("Hello, Grace!", b.get("message").asText());
    assertFalse(b.get("coldStart").asBoolean());
  }

  @Test
  @Order(2)
  void logLinesAreJson_withTheInvocationsFields(LocalLambda lambda) throws Exception {
    lambda.awaitStdoutLine(l -> l.contains("\"name_length\":5"), Duration.ofSeconds(10));
    List<JsonNode> greetings =
        logLines(lambda).stream()
            .filter(l -> "Greeting a visitor".equals(l.path("message").asText()))
            .toList();

    assertEquals(2, greetings.size(), lambda.stdoutLines().toString());
    for (JsonNode line : greetings) {
      for (String field :
          List.of(
              "timestamp",
              "level",
              "message",
              "service",
              "cold_start",
              "function_request_id",
              "function_name",
              "function_version",
              "function_memory_size",
              "function_arn")) {
        assertTrue(line.hasNonNull(field), "missing [" + field + "] in " + line);
      }
      assertEquals("INFO", line.get("level").asText());
      assertEquals("greeter", line.get("service").asText());
      assertEquals("greeting", line.get("function_name").asText());
      assertTrue(line.get("function_memory_size").isNumber(), line.toString());
    }
    assertEquals(3, greetings.get(0).get("name_length").asInt());
    assertEquals(5, greetings.get(1).get("name_length").asInt());
    assertTrue(greetings.get(0).get("cold_start").isBoolean());
    assertTrue(greetings.get(0).get("cold_start").asBoolean());
    assertFalse(greetings.get(1).get("cold_start").asBoolean());
    assertFalse(
        greetings
            .get(0)
            .get("function_request_id")
            .asText()
            .equals(greetings.get(1).get("function_request_id").asText()));
  }

  @Test
  @Order(3)
  void throwingHandler_yieldsTheRuntimesErrorResponse_withTheExceptionsType(LocalLambda lambda)
      throws Exception {
    InvocationResult failed = lambda.invoke("{}");
    InvocationResult after = lambda.invoke("{\"name\":\"Linus\"}");

    assertTrue(failed.isError());
    assertEquals("java.lang.IllegalArgumentException", failed.errorType());
    assertTrue(failed.errorMessage().contains("[name] is required"), failed.errorMessage());
    assertFalse(after.isError(), "the environment keeps serving after a handler error");
    JsonNode errorLine =
        JSON.readTree(
            lambda.awaitStdoutLine(l -> l.contains("\"level\":\"ERROR\""), Duration.ofSeconds(10)));
    logLines(lambda); // and every line so far is JSON, the runtime's own error report included
    assertEquals(failed.requestId(), errorLine.get("function_request_id").asText());
    assertEquals("java.lang.IllegalArgumentException", errorLine.get("error").get("name").asText());
  }

  @Test
  @Order(4)
  void malformedJson_yieldsATypedError_thatDoesNotEchoThePayload(LocalLambda lambda) {
    InvocationResult failed = lambda.invoke("{\"name\": \"s3cr3t-value");

    assertTrue(failed.isError());
    assertEquals("dev.lamina.core.codec.MalformedInputException", failed.errorType());
    assertTrue(failed.errorMessage().contains("GreetingRequest"), failed.errorMessage());
    assertFalse(failed.body().contains("s3cr3t"), failed.body());
    assertTrue(lambda.stdoutLines().stream().noneMatch(l -> l.contains("s3cr3t")));
  }

  @Test
  @LocalLambdaTest(
      handler = "dev.lamina.samples.greeting.FailingInitHandler",
      classesDirectories = {"target/classes", "target/test-classes"})
  void failingConstructor_yieldsAnInitError_withAClearMessage(LocalLambda lambda) {
    InitError error = lambda.awaitInitError(Duration.ofSeconds(30));

    assertTrue(
        error
            .errorMessage()
            .contains("@TimeGuard on [" + FailingInitHandler.class.getName() + "] is invalid"),
        error.errorMessage());
    assertTrue(
        error.errorMessage().contains("[safetyMargin] must be zero or more"), error.errorMessage());
  }
}
