package dev.lamina.idempotency;

import static dev.lamina.test.dynamodb.DynamoDbLocalTables.only;
import static dev.lamina.test.dynamodb.DynamoDbLocalTables.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.test.CapturedStdout;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.testkit.FeatureEnvironment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /payments} with a client-chosen {@code Idempotency-Key}, on API Gateway HTTP API
 * events as API Gateway delivers a client's retries (a new {@code requestContext}, request id,
 * time and trace header every time), against DynamoDB Local.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class HttpIdempotencyTest {
  private static final String BODY = "{\"amount\":12345678901234567.89,\"currency\":\"EUR\"}";

  private final DynamoDbLocalTables dynamo;
  private String table;

  HttpIdempotencyTest(DynamoDbLocalTables dynamo) {
    this.dynamo = dynamo;
  }

  @BeforeEach
  void setUp() {
    table = dynamo.create("idempotency", IdempotencyTable::create);
  }

  /** Takes a payment once per Idempotency-Key. */
  @Idempotent(key = "header:Idempotency-Key")
  public static class Payments
      extends LambdaHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    final AtomicInteger runs = new AtomicInteger();
    volatile CountDownLatch started;
    volatile CountDownLatch release;
    volatile RuntimeException failing;

    public Payments(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request, Invocation invocation)
        throws InterruptedException {
      int run = runs.incrementAndGet();
      if (started != null) {
        started.countDown();
        release.await(20, TimeUnit.SECONDS);
      }
      if (failing != null) {
        throw failing;
      }
      return APIGatewayV2HTTPResponse.builder()
          .withStatusCode(201)
          .withBody("{\"payment\":" + run + ",\"requestId\":\"" + invocation.requestId() + "\"}")
          .build();
    }
  }

  /** The same, with keys scoped to the authenticated caller. */
  @Idempotent(key = "header:Idempotency-Key", scopeToCaller = true)
  public static class ScopedPayments extends Payments {
    public ScopedPayments(HandlerEnvironment environment) {
      super(environment);
    }
  }

  /** Keyed into one record of an SQS batch: refused at init. */
  @Idempotent(key = "/Records/0/messageId")
  public static class KeyedOnFirstMessage extends LambdaHandler<SQSEvent, Void> {
    public KeyedOnFirstMessage(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    protected Void handle(SQSEvent input, Invocation invocation) {
      return null;
    }
  }

  private HandlerEnvironment environment() {
    return HandlerEnvironment.builder()
        .variables(FeatureEnvironment.idempotency(table, dynamo.endpoint()))
        .build();
  }

  /** One delivery of the client's request: API Gateway's request id, time and trace are new. */
  private static String delivery(String apiGatewayRequestId, Consumer<ObjectNode> change) {
    return Events.json(
        "apigw_http_event.json",
        e -> {
          Events.at(e, "/requestContext")
              .put("requestId", apiGatewayRequestId)
              .put("timeEpoch", System.currentTimeMillis())
              .put("time", apiGatewayRequestId + " time");
          Events.at(e, "/requestContext/http").put("method", "POST");
          e.put("rawPath", "/payments").put("body", BODY);
          Events.at(e, "/headers")
              .put("idempotency-key", "k-1")
              .put("x-amzn-trace-id", "Root=1-" + apiGatewayRequestId);
          change.accept(e);
        });
  }

  private static String delivery(String apiGatewayRequestId) {
    return delivery(apiGatewayRequestId, e -> {});
  }

  private static JsonNode invoke(Payments handler, String event, String requestId) {
    String out =
        Invoke.stream(
            handler,
            event,
            FakeContext.builder()
                .requestId(requestId)
                .functionName("payments")
                .timeout(Duration.ofSeconds(30))
                .build());
    return Events.parse(out);
  }

  @Test
  void clientRetry_withANewRequestContextAndTraceHeader_replaysTheFirstResponse() {
    Payments payments = new Payments(environment());

    JsonNode first = invoke(payments, delivery("apigw-1"), "lambda-1");
    JsonNode retry = invoke(payments, delivery("apigw-2"), "lambda-2");

    assertEquals(first, retry);
    assertEquals(1, payments.runs.get());
    assertEquals(201, first.get("statusCode").asInt());
  }

  @Test
  void sameKey_withAnotherBody_isRejected_with422() {
    Payments payments = new Payments(environment());
    invoke(payments, delivery("apigw-1"), "lambda-1");

    JsonNode reused =
        invoke(
            payments,
            delivery("apigw-2", e -> e.put("body", BODY.replace("89", "88"))),
            "lambda-2");

    assertProblem(reused, 422);
    assertEquals(1, payments.runs.get());
  }

  /** An HTTP answer with a problem body, as the HTTP problems feature gives it. */
  private static void assertProblem(JsonNode response, int status) {
    assertEquals(status, response.get("statusCode").asInt(), response.toString());
    assertEquals("application/problem+json", response.get("headers").get("Content-Type").asText());
    assertEquals(status, Events.parse(response.get("body").asText()).get("status").asInt());
  }

  @Test
  void base64Body_isTheSameRequestAsThePlainOne() {
    Payments payments = new Payments(environment());
    JsonNode plain = invoke(payments, delivery("apigw-1"), "lambda-1");

    JsonNode encoded =
        invoke(
            payments,
            delivery(
                "apigw-2",
                e ->
                    e.put("isBase64Encoded", true)
                        .put(
                            "body",
                            Base64.getEncoder()
                                .encodeToString(BODY.getBytes(StandardCharsets.UTF_8)))),
            "lambda-2");

    assertEquals(plain, encoded);
    assertEquals(1, payments.runs.get());
  }

  @Test
  void keyIntoOneRecordOfABatchEvent_failsInit_pointingToPerRecordIdempotency() {
    IdempotencyException e =
        assertThrows(IdempotencyException.class, () -> new KeyedOnFirstMessage(environment()));

    assertTrue(e.getMessage().contains("[path(/Records/0/messageId)]"), e.getMessage());
    assertTrue(e.getMessage().contains("framework-batch"), e.getMessage());
  }

  // Expected outcomes: one WARN line with the record id, no stack; faults stay ERROR with it.

  private static List<JsonNode> logOf(Runnable invocation) {
    try (CapturedStdout out = new CapturedStdout()) {
      invocation.run();
      return out.jsonLines();
    }
  }

  private static void assertOneWarning(List<JsonNode> lines, Class<?> outcome, String mentions) {
    assertEquals(1, lines.size(), lines.toString());
    JsonNode line = lines.get(0);
    assertEquals("WARN", line.get("level").asText(), line.toString());
    assertEquals(outcome.getName(), line.get("outcome").asText());
    assertNull(line.get("error"), "no stack trace: " + line);
    assertTrue(line.get("message").asText().contains(mentions), line.toString());
  }

  @Test
  void duplicateInProgress_payloadMismatch_andMissingKey_answer409_422_400_withOneWarningEach()
      throws Exception {
    Payments payments = new Payments(environment());
    payments.started = new CountDownLatch(1);
    payments.release = new CountDownLatch(1);
    CompletableFuture<JsonNode> first =
        CompletableFuture.supplyAsync(() -> invoke(payments, delivery("apigw-1"), "lambda-1"));
    assertTrue(payments.started.await(10, TimeUnit.SECONDS));
    String recordId = text(only(dynamo.items(table)), "id");

    assertOneWarning(
        logOf(() -> assertProblem(invoke(payments, delivery("apigw-2"), "lambda-2"), 409)),
        IdempotencyInProgressException.class,
        recordId);
    payments.release.countDown();
    first.get(10, TimeUnit.SECONDS);
    assertOneWarning(
        logOf(
            () ->
                assertProblem(
                    invoke(payments, delivery("apigw-3", e -> e.put("body", "{}")), "lambda-3"),
                    422)),
        IdempotencyPayloadMismatchException.class,
        recordId);
    assertOneWarning(
        logOf(
            () ->
                assertProblem(
                    invoke(
                        payments,
                        delivery(
                            "apigw-4", e -> Events.at(e, "/headers").remove("idempotency-key")),
                        "lambda-4"),
                    400)),
        IdempotencyKeyMissingException.class,
        "header(Idempotency-Key)");
  }

  @Test
  void handlersOwnFailure_staysAnErrorWithItsStack() {
    Payments payments = new Payments(environment());
    payments.failing = new IllegalStateException("card declined");

    List<JsonNode> lines =
        logOf(
            () ->
                assertThrows(
                    IllegalStateException.class,
                    () -> invoke(payments, delivery("apigw-1"), "lambda-1")));

    assertEquals(1, lines.size(), lines.toString());
    assertEquals("ERROR", lines.get(0).get("level").asText());
    assertTrue(lines.get(0).get("error").get("stack").asText().contains("HttpIdempotencyTest"));
  }

  // Keys scoped to the caller.

  private static Consumer<ObjectNode> jwtCaller(String subject) {
    return e ->
        Events.at(e, "/requestContext/authorizer/jwt/claims")
            .put("sub", subject)
            .put("iss", "https://cognito-idp.eu-west-1.amazonaws.com/pool");
  }

  @Test
  void scopedKeys_keepCallersApart_andEachCallerGetsItsOwnReplay() {
    ScopedPayments payments = new ScopedPayments(environment());

    JsonNode alice = invoke(payments, delivery("apigw-1", jwtCaller("alice")), "lambda-1");
    JsonNode bob =
        invoke(
            payments,
            delivery("apigw-2", jwtCaller("bob").andThen(e -> e.put("body", "{\"amount\":1}"))),
            "lambda-2");
    JsonNode aliceRetry = invoke(payments, delivery("apigw-3", jwtCaller("alice")), "lambda-3");

    assertEquals(2, payments.runs.get(), "the same key from two callers is two requests");
    assertNotEquals(alice, bob, "bob neither replays alice's response ...");
    assertEquals(alice, aliceRetry, "... nor learns her key exists; alice gets her own replay");
    assertEquals(2, dynamo.items(table).size());
  }

  @Test
  void scopedKeys_iamCallerAndCognitoIdentity_areCallersToo() {
    ScopedPayments payments = new ScopedPayments(environment());
    Consumer<ObjectNode> iam =
        e -> {
          ObjectNode authorizer = Events.at(e, "/requestContext/authorizer");
          authorizer.remove("jwt");
          authorizer.putObject("iam").put("userArn", "arn:aws:iam::123456789012:user/alice");
        };

    invoke(payments, delivery("apigw-1", iam), "lambda-1");
    invoke(payments, delivery("apigw-2", iam), "lambda-2");

    assertEquals(1, payments.runs.get());
  }

  @Test
  void scopedKeys_withoutAnAuthenticatedCaller_areMissingKeys_answered400() {
    ScopedPayments payments = new ScopedPayments(environment());

    JsonNode response = invoke(payments, delivery("apigw-1"), "lambda-1");

    assertProblem(response, 400);
    String detail = Events.parse(response.get("body").asText()).get("detail").asText();
    assertTrue(detail.contains("no authenticated caller"), detail);
    assertEquals(0, payments.runs.get());
    assertEquals(List.of(), dynamo.items(table));
  }
}
