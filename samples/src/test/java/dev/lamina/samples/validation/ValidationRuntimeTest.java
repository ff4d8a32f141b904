package dev.lamina.samples.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validation samples under the real AWS Lambda runtime interface client: every violation in
 * one answer, named by JSON path and rule, never by value; and over HTTP, a 400 problem.
 */
class ValidationRuntimeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalLambda start(String handler) {
    return LocalLambda.builder()
        .handler(handler)
        .classPath(FunctionClassPath.ofModule())
        .functionName("validation-sample")
        .start();
  }

  @Test
  void theValidatedGreeting_rejectsABadName_withoutRunningTheHandler() throws Exception {
    try (LocalLambda lambda = start("dev.lamina.samples.validation.ValidatedGreetingHandler")) {
      InvocationResult ok = lambda.invoke("{\"name\":\"Ada\"}");
      InvocationResult blank = lambda.invoke("{\"name\":\"   \"}");
      String longName = "Q".repeat(61);
      InvocationResult tooLong = lambda.invoke("{\"name\":\"" + longName + "\"}");

      assertFalse(ok.isError(), ok.toString());
      assertEquals("Hello, Ada!", JSON.readTree(ok.body()).get("message").asText());
      assertTrue(blank.isError(), blank.toString());
      assertEquals("InputValidationException", simpleName(blank.errorType()));
      assertEquals(
          "Input [NamedRequest] breaks 1 constraint: $.name NotBlank", blank.errorMessage());
      assertEquals(
          "Input [NamedRequest] breaks 1 constraint: $.name Size(min=0, max=60)",
          tooLong.errorMessage());
      for (String line : lambda.stdoutLines()) {
        assertFalse(line.contains(longName), line);
      }
    }
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  /** {@code POST /signups} through an HTTP API, as API Gateway delivers it. */
  private static String post(String requestId, String body) throws Exception {
    return "{\"version\":\"2.0\",\"routeKey\":\"POST /signups\",\"rawPath\":\"/signups\","
        + "\"rawQueryString\":\"\",\"headers\":{\"content-type\":\"application/json\","
        + "\"x-amzn-trace-id\":\"Root=1-6752f1a0-"
        + requestId
        + "\"},\"requestContext\":{\"accountId\":\"123456789012\",\"apiId\":\"api-id\","
        + "\"domainName\":\"id.execute-api.eu-west-1.amazonaws.com\",\"domainPrefix\":\"id\","
        + "\"http\":{\"method\":\"POST\",\"path\":\"/signups\",\"protocol\":\"HTTP/1.1\","
        + "\"sourceIp\":\"203.0.113.7\",\"userAgent\":\"curl/8.5\"},\"requestId\":\""
        + requestId
        + "\",\"routeKey\":\"POST /signups\",\"stage\":\"$default\","
        + "\"time\":\"02/Dec/2026:10:00:00 +0000\",\"timeEpoch\":1796205600000},"
        + "\"body\":"
        + JSON.writeValueAsString(body)
        + ",\"isBase64Encoded\":false}";
  }

  @Test
  void theSignupApi_answersAnInvalidBody400_withEveryViolation_andNoValue() throws Exception {
    try (LocalLambda lambda = start("dev.lamina.samples.validation.SignupHandler")) {
      String secret = "x7-private@";
      InvocationResult created =
          lambda.invoke(
              post(
                  "r-1",
                  "{\"display_name\":\"Ada\",\"email\":\"ada@example.com\",\"age\":36,"
                      + "\"interests\":[\"math\"]}"));
      InvocationResult invalid =
          lambda.invoke(
              post(
                  "r-2",
                  "{\"display_name\":\"\",\"email\":\""
                      + secret
                      + "\",\"age\":12,\"interests\":[\"a\",\" \",\"c\",\"d\",\"e\",\"f\"]}"));
      InvocationResult malformed = lambda.invoke(post("r-3", "{\"display_name\":\"Ada\","));

      assertEquals(201, JSON.readTree(created.body()).get("statusCode").asInt(), created.body());

      JsonNode answer = JSON.readTree(invalid.body());
      assertEquals(400, answer.get("statusCode").asInt(), invalid.body());
      assertEquals(
          "application/problem+json", answer.path("headers").path("Content-Type").asText());
      JsonNode problem = JSON.readTree(answer.get("body").asText());
      assertEquals(400, problem.get("status").asInt());
      List<String> errors = new ArrayList<>();
      for (JsonNode e : problem.get("errors")) {
        errors.add(e.get("path").asText() + " " + e.get("rule").asText());
      }
      assertEquals(
          List.of(
              "$.age Min(18)",
              "$.display_name NotBlank",
              "$.email Email",
              "$.interests Size(min=0, max=5)",
              "$.interests[1] NotBlank"),
          errors);
      assertFalse(invalid.body().contains(secret), invalid.body());

      JsonNode bad = JSON.readTree(malformed.body());
      assertEquals(400, bad.get("statusCode").asInt(), malformed.body());
    }
  }
}
