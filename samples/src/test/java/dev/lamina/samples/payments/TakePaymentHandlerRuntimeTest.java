package dev.lamina.samples.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.idempotency.IdempotencyTable;
import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.testkit.FeatureEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The payments sample under the real runtime interface client, against DynamoDB Local, with the
 * events API Gateway (HTTP API, payload format 2.0) sends for a client's request and its retries.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class TakePaymentHandlerRuntimeTest {
  private static final String BODY = "{\"amount\":\"12.50\",\"currency\":\"EUR\"}";

  /**
   * What API Gateway sends for one attempt of {@code POST /payments}: every attempt has its own
   * request id, time and trace header; the client's headers and body are what it sent.
   */
  private static String attempt(int attempt, String body, boolean base64) {
    return """
        {"version":"2.0","routeKey":"POST /payments","rawPath":"/payments","rawQueryString":"",
         "headers":{"content-type":"application/json","idempotency-key":"pay-7f3a",
           "x-amzn-trace-id":"Root=1-6752f1a0-%08d","x-forwarded-for":"203.0.113.%d"},
         "requestContext":{"accountId":"123456789012","apiId":"a1b2c3","domainName":
           "a1b2c3.execute-api.eu-west-1.amazonaws.com","http":{"method":"POST","path":"/payments",
           "protocol":"HTTP/1.1","sourceIp":"203.0.113.%d","userAgent":"shop-client/1.0"},
           "requestId":"Ab1CdE%dFgHIJ=","routeKey":"POST /payments","stage":"$default",
           "time":"01/Dec/2026:10:00:%02d +0000","timeEpoch":17965800%02d000},
         "body":%s,"isBase64Encoded":%s}
        """
        .formatted(
            attempt,
            attempt,
            attempt,
            attempt,
            attempt,
            attempt,
            quote(
                base64
                    ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
                    : body),
            base64);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void clientRetries_getTheFirstResponse_aReusedKeyIs422_andABodyThatIsNotJsonIs400(
      DynamoDbLocalTables dynamo) throws Exception {
    String table = dynamo.create("payments-idempotency", IdempotencyTable::create);
    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler(TakePaymentHandler.class.getName())
            .classPath(FunctionClassPath.ofModule())
            .functionName("take-payment")
            .environment(FeatureEnvironment.idempotency(table, dynamo.endpoint()))
            .start()) {
      InvocationResult taken = lambda.invoke(attempt(1, BODY, false));
      InvocationResult retry = lambda.invoke(attempt(2, BODY, false));
      InvocationResult base64Retry = lambda.invoke(attempt(3, BODY, true));
      InvocationResult reused = lambda.invoke(attempt(4, BODY.replace("12.50", "125.00"), false));
      InvocationResult malformed =
          lambda.invoke(attempt(5, BODY.replace(",", ";"), false).replace("pay-7f3a", "pay-8e4b"));

      assertFalse(taken.isError(), taken::toString);
      assertTrue(taken.body().contains("\"statusCode\":201"), taken.body());
      assertTrue(taken.body().contains(taken.requestId()), "taken by the first invocation");
      assertEquals(taken.body(), retry.body(), "a new requestContext and trace: the same payment");
      assertEquals(taken.body(), base64Retry.body(), "a base64 body is the same request");
      // Answered as HTTP (application/problem+json), not as an invocation error API Gateway
      // would turn into a 502.
      assertFalse(reused.isError(), reused::toString);
      assertTrue(reused.body().contains("\"statusCode\":422"), reused.body());
      assertTrue(reused.body().contains("application/problem+json"), reused.body());
      assertFalse(malformed.isError(), malformed::toString);
      assertTrue(malformed.body().contains("\"statusCode\":400"), malformed.body());
      assertFalse(malformed.body().contains("12.50"), "no body value: " + malformed.body());
    }
  }
}
