package dev.lamina.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.http.Problem;
import dev.lamina.idempotency.IdempotencyStoreException.Reason;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import dev.lamina.test.dynamodb.DynamoDbFaultProxy;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.testkit.FeatureEnvironment;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An API Gateway handler whose idempotency store fails: a failure a retry soon can get past is
 * answered 503 with {@code Retry-After}, and the client's retry (a new request context, the same
 * key) then runs the handler once; a failure no retry fixes still fails the invocation. Real
 * DynamoDbClient, DynamoDB Local behind the fault proxy.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class StoreUnavailableHttpTest {
  private static final String KEY = "key-5ecr3t-7";
  private static final String BODY = "{\"card\":\"card-5ecr3t\",\"cents\":990}";

  /** Takes a payment once per {@code Idempotency-Key}. */
  @Idempotent(key = "header:Idempotency-Key")
  public static class Payments
      extends LambdaHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    final AtomicInteger runs = new AtomicInteger();

    public Payments(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent r, Invocation i) {
      return new APIGatewayProxyResponseEvent()
          .withStatusCode(201)
          .withBody("{\"payment\":" + runs.incrementAndGet() + "}");
    }
  }

  private final DynamoDbLocalTables dynamo;
  private DynamoDbFaultProxy proxy;
  private String table;

  StoreUnavailableHttpTest(DynamoDbLocalTables dynamo) {
    this.dynamo = dynamo;
  }

  @BeforeEach
  void setUp() throws Exception {
    proxy = new DynamoDbFaultProxy(dynamo.endpoint());
    table = dynamo.create("idempotency", IdempotencyTable::create);
  }

  @AfterEach
  void tearDown() {
    proxy.close();
  }

  private Payments handler(URI endpoint) {
    return new Payments(
        HandlerEnvironment.builder()
            .variables(FeatureEnvironment.idempotency(table, endpoint))
            .build());
  }

  /** One delivery through API Gateway: a new request context each time. */
  private static String delivery(String requestId) {
    return Events.json(
        "apigw_rest_event.json",
        e -> {
          ObjectNode headers = e.putObject("headers");
          headers.put("content-type", "application/json").put("idempotency-key", KEY);
          e.remove("multiValueHeaders");
          ObjectNode multi = e.putObject("multiValueHeaders");
          headers.properties().forEach(h -> multi.putArray(h.getKey()).add(h.getValue()));
          ((ObjectNode) e.get("requestContext")).put("requestId", requestId);
          e.put("body", BODY).put("isBase64Encoded", false);
        });
  }

  private static String invoke(Payments handler, String requestId) {
    return Invoke.stream(
        handler,
        delivery(requestId),
        FakeContext.builder()
            .requestId(requestId)
            .functionName("payments")
            .timeout(Duration.ofSeconds(30))
            .build());
  }

  private static void assertUnavailable(String answer) {
    JsonNode response = Events.parse(answer);
    assertEquals(503, response.get("statusCode").asInt(), answer);
    assertEquals("1", response.get("headers").get("Retry-After").asText());
    assertEquals(Problem.CONTENT_TYPE, response.get("headers").get("Content-Type").asText());
    String body = response.get("body").asText();
    assertFalse(
        body.contains("5ecr3t") || body.contains("idempotency"), "no key, no table: " + body);
    assertEquals(503, Events.parse(body).get("status").asInt());
  }

  @Test
  void serverErrors_are503WithRetryAfter_andTheClientsRetryThenRunsOnce() {
    Payments handler = handler(proxy.endpoint());
    proxy.fail("PutItem", DynamoDbFaultProxy.Fault.SERVER_ERROR);

    assertUnavailable(invoke(handler, "req-1"));
    assertEquals(0, handler.runs.get(), "no claim, no payment");

    proxy.heal();
    String retry = invoke(handler, "req-2");
    String again = invoke(handler, "req-3");

    assertEquals(201, Events.parse(retry).get("statusCode").asInt(), retry);
    assertEquals(retry, again, "the second retry is replayed");
    assertEquals(1, handler.runs.get());
  }

  @Test
  void anUnreachableStore_is503() throws Exception {
    int port;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Payments handler = handler(URI.create("http://127.0.0.1:" + port));

    assertUnavailable(invoke(handler, "req-1"));
    assertEquals(0, handler.runs.get());
  }

  @Test
  void accessDenied_stillFailsTheInvocation() {
    Payments handler = handler(proxy.endpoint());
    proxy.fail("PutItem", DynamoDbFaultProxy.Fault.ACCESS_DENIED);

    IdempotencyStoreException e =
        assertThrows(IdempotencyStoreException.class, () -> invoke(handler, "req-1"));

    assertEquals(Reason.ACCESS_DENIED, e.reason());
    assertFalse(e instanceof IdempotencyStoreUnavailableException);
    assertEquals(0, handler.runs.get());
  }

  @Test
  void throttledPastTheEnginesBudget_is503() {
    proxy.fail("PutItem", DynamoDbFaultProxy.Fault.THROTTLE);
    Payments handler = handler(proxy.endpoint());
    // Throttled past the engine's budget (about 5 s of backing off), then answered 503.
    assertUnavailable(invoke(handler, "req-1"));
    assertEquals(0, handler.runs.get());
  }
}
