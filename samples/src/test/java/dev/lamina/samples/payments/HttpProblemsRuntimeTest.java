package dev.lamina.samples.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.idempotency.IdempotencyTable;
import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InvocationRequest;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.testkit.FeatureEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP answers under the real runtime interface client, with API Gateway REST API events against
 * DynamoDB Local: a malformed body, a missing key, a reused key and a client retry while the first
 * request is still in progress are answered 400, 400, 422 and 409 (with {@code Retry-After}) as
 * {@code application/problem+json}, a mapped exception gets the mapper's status, and the handler's
 * own failure stays an invocation error (a 5xx from API Gateway). No problem repeats a value of
 * the request.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class HttpProblemsRuntimeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "5ecr3t";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static String body(String card) {
    return "{\"amount\":\"12.50\",\"currency\":\"EUR\",\"card\":\""
        + card
        + "\",\"holder\":\"Ada "
        + SECRET
        + "\"}";
  }

  /**
   * One delivery of {@code POST /payments} as API Gateway sends it: every delivery, a client's
   * retry included, has its own request id, time and trace header.
   */
  private static String delivery(int attempt, String key, String body) {
    String keyHeader = key == null ? "" : "\"Idempotency-Key\":\"" + key + "\",";
    String keyMulti = key == null ? "" : "\"Idempotency-Key\":[\"" + key + "\"],";
    return """
        {"resource":"/payments","path":"/payments","httpMethod":"POST",
         "headers":{%s"Content-Type":"application/json","Authorization":"Bearer tok-%s",
           "X-Amzn-Trace-Id":"Root=1-6752f1a0-%08d"},
         "multiValueHeaders":{%s"Content-Type":["application/json"],
           "Authorization":["Bearer tok-%s"],"X-Amzn-Trace-Id":["Root=1-6752f1a0-%08d"]},
         "queryStringParameters":null,"pathParameters":null,"stageVariables":null,
         "requestContext":{"accountId":"123456789012","apiId":"a1b2c3","resourceId":"r1",
           "resourcePath":"/payments","httpMethod":"POST","path":"/prod/payments","stage":"prod",
           "protocol":"HTTP/1.1","requestId":"c6af9ac6-7b61-11e6-9a41-93e8deadb%03d",
           "extendedRequestId":"Ab1CdE%dFgHIJ=","requestTime":"02/Dec/2026:10:00:%02d +0000",
           "requestTimeEpoch":17966700%02d000,
           "identity":{"sourceIp":"203.0.113.%d","userAgent":"shop-client/1.0"}},
         "body":%s,"isBase64Encoded":false}
        """
        .formatted(
            keyHeader,
            SECRET,
            attempt,
            keyMulti,
            SECRET,
            attempt,
            attempt,
            attempt,
            attempt,
            attempt,
            attempt,
            quote(body));
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static LocalLambda start(String table, DynamoDbLocalTables dynamo, Path holdUntil) {
    LocalLambda.Builder builder =
        LocalLambda.builder()
            .handler(RestPaymentsHandler.class.getName())
            .classPath(FunctionClassPath.withTestClasses())
            .functionName("rest-payments")
            .timeout(TIMEOUT)
            .environment(FeatureEnvironment.idempotency(table, dynamo.endpoint()));
    if (holdUntil != null) {
      builder.environment("HOLD_UNTIL", holdUntil.toString());
    }
    return builder.start();
  }

  private static InvocationResult invoke(LocalLambda lambda, String event, String requestId) {
    return lambda.invoke(
        InvocationRequest.builder(event).requestId(requestId).timeout(TIMEOUT).build());
  }

  private static JsonNode response(InvocationResult result) throws Exception {
    assertFalse(result.isError(), result::toString);
    return JSON.readTree(result.body());
  }

  /** The problem of an HTTP answer, checked to carry no value of the request. */
  private static JsonNode problem(InvocationResult result, int status) throws Exception {
    JsonNode response = response(result);
    assertEquals(status, response.get("statusCode").asInt(), result.body());
    assertEquals("application/problem+json", response.get("headers").get("Content-Type").asText());
    String body = response.get("body").asText();
    assertFalse(body.contains(SECRET), "a request value in the problem: " + body);
    assertFalse(body.contains("pay-"), "the idempotency key in the problem: " + body);
    assertFalse(body.contains("12.50"), "a body value in the problem: " + body);
    assertFalse(response.get("headers").toString().contains(SECRET), result.body());
    JsonNode problem = JSON.readTree(body);
    assertEquals(status, problem.get("status").asInt());
    return problem;
  }

  @Test
  void requestErrors_areAnsweredAsProblems_andTheHandlersOwnFailureStaysAnError(
      DynamoDbLocalTables dynamo) throws Exception {
    String table = dynamo.create("rest-payments-idempotency", IdempotencyTable::create);
    try (LocalLambda lambda = start(table, dynamo, null)) {
      JsonNode malformed =
          problem(
              invoke(
                  lambda,
                  delivery(
                      1, "pay-" + SECRET + "-1", "{\"amount\":\"12.50\" \"holder\":\"" + SECRET),
                  "l-1"),
              400);
      assertEquals("$.amount", malformed.get("jsonPath").asText(), malformed.toString());
      assertTrue(malformed.get("detail").asText().contains("line 1, column"), malformed.toString());

      JsonNode missingKey = problem(invoke(lambda, delivery(2, null, body("ok")), "l-2"), 400);
      assertTrue(
          missingKey.get("detail").asText().contains("header(Idempotency-Key)"),
          missingKey.toString());

      JsonNode taken =
          response(invoke(lambda, delivery(3, "pay-" + SECRET + "-3", body("ok")), "l-3"));
      assertEquals(201, taken.get("statusCode").asInt());
      JsonNode reused =
          problem(
              invoke(
                  lambda,
                  delivery(4, "pay-" + SECRET + "-3", body("ok").replace("EUR", "USD")),
                  "l-4"),
              422);
      assertEquals("Unprocessable Content", reused.get("title").asText());

      JsonNode declined =
          problem(
              invoke(lambda, delivery(5, "pay-" + SECRET + "-5", body("declined")), "l-5"), 402);
      assertEquals("The card was declined", declined.get("detail").asText());

      InvocationResult broken =
          invoke(lambda, delivery(6, "pay-" + SECRET + "-6", body("broken")), "l-6");
      assertTrue(broken.isError(), broken::toString);
      assertEquals(IllegalStateException.class.getName(), broken.errorType());
    }
  }

  @Test
  void clientRetry_whileTheFirstIsInProgress_is409WithRetryAfter_thenReplaysTheFirstResponse(
      DynamoDbLocalTables dynamo, @TempDir Path dir) throws Exception {
    String table = dynamo.create("rest-payments-idempotency", IdempotencyTable::create);
    Path release = dir.resolve("release");
    try (LocalLambda slow = start(table, dynamo, release);
        LocalLambda fresh = start(table, dynamo, null)) {
      String key = "pay-" + SECRET + "-7";
      CompletableFuture<InvocationResult> first =
          slow.invokeAsync(
              InvocationRequest.builder(delivery(7, key, body("ok")))
                  .requestId("l-7")
                  .timeout(TIMEOUT)
                  .build());
      slow.awaitStdoutLine(line -> line.equals("holding l-7"), Duration.ofSeconds(60));

      // The client retries: the same key and body, a new requestContext, request id and trace.
      InvocationResult retry = invoke(fresh, delivery(8, key, body("ok")), "l-8");
      Files.createFile(release);

      JsonNode problem = problem(retry, 409);
      assertEquals("Conflict", problem.get("title").asText());
      long retryAfter = Long.parseLong(response(retry).get("headers").get("Retry-After").asText());
      assertTrue(retryAfter >= 1 && retryAfter <= TIMEOUT.toSeconds(), "Retry-After " + retryAfter);

      JsonNode taken = response(first.get(60, TimeUnit.SECONDS));
      assertEquals(201, taken.get("statusCode").asInt());
      JsonNode later = response(invoke(fresh, delivery(9, key, body("ok")), "l-9"));
      assertEquals(taken, later, "after the first completes, the retry gets its response");
    }
  }
}
