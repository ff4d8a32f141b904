package dev.lamina.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.http.Problem;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import dev.lamina.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Idempotency's request errors answered as HTTP by the three event families without any code in
 * the handler: a missing key is 400, a key reused with another body 422, and a retry while the
 * first request is still in progress 409 with {@code Retry-After} counted to the first claim's
 * lapse. The problems carry neither the key nor the body.
 */
class HttpProblemsTest {
  private static final String KEY = "key-5ecr3t-42";
  private static final String BODY = "{\"card\":\"card-5ecr3t\",\"cents\":1250}";
  private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

  private final MutableClock clock = MutableClock.at(START);

  /** Where a test holds the first invocation, to send its retry meanwhile. */
  static final class Hold {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    void await() throws InterruptedException {
      started.countDown();
      assertTrue(release.await(20, TimeUnit.SECONDS), "never released");
    }
  }

  interface Held {
    void hold(Hold hold);
  }

  @Idempotent(key = "header:Idempotency-Key", store = InMemoryIdempotencyStore.Provider.class)
  public static class Rest
      extends LambdaHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>
      implements Held {
    volatile Hold hold;

    public Rest(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    public void hold(Hold hold) {
      this.hold = hold;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent r, Invocation i)
        throws InterruptedException {
      if (hold != null) {
        hold.await();
      }
      return new APIGatewayProxyResponseEvent().withStatusCode(201).withBody("{}");
    }
  }

  @Idempotent(key = "header:Idempotency-Key", store = InMemoryIdempotencyStore.Provider.class)
  public static class HttpApi extends LambdaHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>
      implements Held {
    volatile Hold hold;

    public HttpApi(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    public void hold(Hold hold) {
      this.hold = hold;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent r, Invocation i)
        throws InterruptedException {
      if (hold != null) {
        hold.await();
      }
      return APIGatewayV2HTTPResponse.builder().withStatusCode(201).withBody("{}").build();
    }
  }

  @Idempotent(key = "header:Idempotency-Key", store = InMemoryIdempotencyStore.Provider.class)
  public static class Alb
      extends LambdaHandler<
          ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent>
      implements Held {
    volatile Hold hold;

    public Alb(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    public void hold(Hold hold) {
      this.hold = hold;
    }

    @Override
    protected ApplicationLoadBalancerResponseEvent handle(
        ApplicationLoadBalancerRequestEvent r, Invocation i) throws InterruptedException {
      if (hold != null) {
        hold.await();
      }
      ApplicationLoadBalancerResponseEvent response = new ApplicationLoadBalancerResponseEvent();
      response.setStatusCode(201);
      response.setBody("{}");
      return response;
    }
  }

  enum Family {
    REST("apigw_rest_event.json"),
    HTTP_API("apigw_http_event.json"),
    ALB("elb_event.json");

    final String fixture;

    Family(String fixture) {
      this.fixture = fixture;
    }

    /** One delivery: a new request context every time, the client's headers and body. */
    String delivery(String requestId, String key, String body) {
      return Events.json(
          fixture,
          e -> {
            ObjectNode headers = e.putObject("headers");
            headers.put("content-type", "application/json");
            if (key != null) {
              headers.put("idempotency-key", key);
            }
            e.remove("multiValueHeaders");
            if (this == REST) {
              ObjectNode multi = e.putObject("multiValueHeaders");
              headers.properties().forEach(h -> multi.putArray(h.getKey()).add(h.getValue()));
            }
            ObjectNode context = (ObjectNode) e.get("requestContext");
            context.put("requestId", requestId);
            e.put("body", body).put("isBase64Encoded", false);
          });
    }
  }

  private RequestStreamHandler handler(Family family) {
    HandlerEnvironment env = HandlerEnvironment.builder().clock(clock).variables(Map.of()).build();
    return switch (family) {
      case REST -> new Rest(env);
      case HTTP_API -> new HttpApi(env);
      case ALB -> new Alb(env);
    };
  }

  private JsonNode invoke(RequestStreamHandler handler, String event, String requestId) {
    return Events.parse(
        Invoke.stream(
            handler,
            event,
            FakeContext.builder()
                .requestId(requestId)
                .clock(clock)
                .timeout(Duration.ofSeconds(30))
                .build()));
  }

  private static JsonNode assertProblem(Family family, JsonNode response, int status) {
    assertEquals(status, response.get("statusCode").asInt(), response.toString());
    assertEquals(Problem.CONTENT_TYPE, response.get("headers").get("Content-Type").asText());
    if (family == Family.ALB) {
      assertEquals(
          status + " " + Problem.reason(status), response.get("statusDescription").asText());
    }
    String body = response.get("body").asText();
    assertFalse(body.contains("5ecr3t"), "no key or body value: " + body);
    JsonNode problem = Events.parse(body);
    assertEquals(status, problem.get("status").asInt());
    return problem;
  }

  @ParameterizedTest
  @EnumSource(Family.class)
  void missingKey_is400(Family family) {
    JsonNode problem =
        assertProblem(
            family, invoke(handler(family), family.delivery("r-1", null, BODY), "l-1"), 400);
    assertTrue(
        problem.get("detail").asText().contains("header(Idempotency-Key)"), problem.toString());
  }

  @ParameterizedTest
  @EnumSource(Family.class)
  void sameKey_otherBody_is422(Family family) {
    RequestStreamHandler handler = handler(family);
    JsonNode first = invoke(handler, family.delivery("r-1", KEY, BODY), "l-1");
    assertEquals(201, first.get("statusCode").asInt());

    JsonNode problem =
        assertProblem(
            family,
            invoke(handler, family.delivery("r-2", KEY, BODY.replace("1250", "9999")), "l-2"),
            422);
    assertEquals("Unprocessable Content", problem.get("title").asText());
  }

  @ParameterizedTest
  @EnumSource(Family.class)
  void retryWhileTheFirstIsInProgress_is409_withRetryAfterUntilTheClaimLapses(Family family)
      throws Exception {
    RequestStreamHandler handler = handler(family);
    Hold hold = new Hold();
    ((Held) handler).hold(hold);
    CompletableFuture<JsonNode> first =
        CompletableFuture.supplyAsync(
            () -> invoke(handler, family.delivery("r-1", KEY, BODY), "l-1"));
    assertTrue(hold.started.await(10, TimeUnit.SECONDS));

    clock.advance(Duration.ofMillis(10_500)); // the first claim lapses 19.5 s from now
    JsonNode retry = invoke(handler, family.delivery("r-2", KEY, BODY), "l-2");
    hold.release.countDown();

    assertProblem(family, retry, 409);
    assertEquals("20", retry.get("headers").get("Retry-After").asText());
    assertEquals(201, first.get(10, TimeUnit.SECONDS).get("statusCode").asInt());
    JsonNode replay = invoke(handler, family.delivery("r-3", KEY, BODY), "l-3");
    assertEquals(201, replay.get("statusCode").asInt(), "after it completes, a retry replays it");
  }

  @Test
  void inProgress_retryAfter_isAtLeastOneSecond_andOneWhenTheLapseIsUnknown() {
    Instant now = Instant.parse("2026-12-02T10:00:00Z");

    assertEquals(
        "1",
        new IdempotencyInProgressException("id", now.minusSeconds(5))
            .problem(now)
            .headers()
            .get("Retry-After"));
    assertEquals(
        "1",
        new IdempotencyInProgressException("id", now.plusMillis(200))
            .problem(now)
            .headers()
            .get("Retry-After"));
    assertEquals(
        "1",
        new IdempotencyInProgressException("id", null).problem(now).headers().get("Retry-After"));
    assertEquals(
        "3",
        new IdempotencyInProgressException("id", now.plusMillis(2_001))
            .problem(now)
            .headers()
            .get("Retry-After"));
    assertFalse(
        new IdempotencyPayloadMismatchException("ns#hash").problem().toJson().contains("hash"));
  }
}
