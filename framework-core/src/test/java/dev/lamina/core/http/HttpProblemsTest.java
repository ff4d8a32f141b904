package dev.lamina.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Interceptor;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.Lamina;
import dev.lamina.core.LaminaException;
import dev.lamina.core.TimeGuard;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.test.CapturedStdout;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import dev.lamina.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Handlers of the three HTTP event families (REST API, HTTP API / function URL, ALB with and
 * without multi-value headers) answer Lamina's request errors, {@link ProblemSource} exceptions
 * and mapped exceptions as {@code application/problem+json} in their own response type, and let
 * every other exception fail the invocation unchanged.
 */
class HttpProblemsTest {
  private static final String BODY_SECRET = "tok_body_5ecr3t";
  private static final String HEADER_SECRET = "Bearer hdr_5ecr3t";
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  private final MutableClock clock = MutableClock.at(NOW);

  record Payment(String card, int cents) {}

  /** A handler's own problem: 409 until a moment, counted from the invocation's clock. */
  static final class PaymentLocked extends RuntimeException implements ProblemSource {
    PaymentLocked() {
      super("payment locked");
    }

    @Override
    public Problem problem() {
      return problem(Instant.now());
    }

    @Override
    public Problem problem(Instant now) {
      long seconds = Duration.between(now, NOW.plusSeconds(7)).toSeconds();
      return Problem.builder(409)
          .detail("The payment is locked")
          .header("Retry-After", Long.toString(seconds))
          .build();
    }
  }

  /** An exception that knows nothing of HTTP; the mapper maps it. */
  static final class CardDeclined extends RuntimeException {
    CardDeclined() {
      super("card declined: " + BODY_SECRET);
    }
  }

  /** Maps {@link CardDeclined} to 402, and nothing else. */
  public static final class PaymentProblems implements ProblemMapper {
    @Override
    public Optional<Problem> problemFor(Exception exception) {
      return exception instanceof CardDeclined
          ? Optional.of(
              Problem.builder(402)
                  .type(java.net.URI.create("https://example.com/problems/card-declined"))
                  .title("Card declined")
                  .detail("The card was declined")
                  .extension("retryable", false)
                  .build())
          : Optional.empty();
    }
  }

  /** What every test handler does, whatever its event family. */
  static String behave(String mode, String body, boolean base64, PayloadCodec codec) {
    if ("locked".equals(mode)) {
      throw new PaymentLocked();
    }
    if ("declined".equals(mode)) {
      throw new CardDeclined();
    }
    if ("unmapped".equals(mode)) {
      throw new IllegalStateException("ledger down");
    }
    Payment payment = HttpBody.read(body, base64, Payment.class, codec);
    return "{\"cents\":" + payment.cents() + "}";
  }

  private static String header(Map<String, String> headers, String name) {
    return headers == null ? null : headers.get(name);
  }

  @HttpProblems(mapper = PaymentProblems.class)
  public static class RestPayments
      extends LambdaHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    public RestPayments(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent r, Invocation inv) {
      // The helper on the event itself, for this family.
      if (header(r.getHeaders(), "x-mode") == null) {
        Payment p = HttpBody.read(r, Payment.class, codec());
        return new APIGatewayProxyResponseEvent()
            .withStatusCode(201)
            .withBody("{\"cents\":" + p.cents() + "}");
      }
      String out =
          behave(
              header(r.getHeaders(), "x-mode"),
              r.getBody(),
              Boolean.TRUE.equals(r.getIsBase64Encoded()),
              codec());
      return new APIGatewayProxyResponseEvent().withStatusCode(201).withBody(out);
    }
  }

  @HttpProblems(mapper = PaymentProblems.class)
  public static class HttpApiPayments
      extends LambdaHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    public HttpApiPayments(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent r, Invocation inv) {
      if (header(r.getHeaders(), "x-mode") == null) {
        Payment p = HttpBody.read(r, Payment.class, codec());
        return APIGatewayV2HTTPResponse.builder()
            .withStatusCode(201)
            .withBody("{\"cents\":" + p.cents() + "}")
            .build();
      }
      String out =
          behave(header(r.getHeaders(), "x-mode"), r.getBody(), r.getIsBase64Encoded(), codec());
      return APIGatewayV2HTTPResponse.builder().withStatusCode(201).withBody(out).build();
    }
  }

  @HttpProblems(mapper = PaymentProblems.class)
  public static class AlbPayments
      extends LambdaHandler<
          ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent> {
    public AlbPayments(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    protected ApplicationLoadBalancerResponseEvent handle(
        ApplicationLoadBalancerRequestEvent r, Invocation inv) {
      String mode = header(r.getHeaders(), "x-mode");
      if (mode == null && r.getMultiValueHeaders() != null) {
        List<String> values = r.getMultiValueHeaders().get("x-mode");
        mode = values == null ? null : values.get(0);
      }
      ApplicationLoadBalancerResponseEvent response = new ApplicationLoadBalancerResponseEvent();
      response.setStatusCode(201);
      if (mode == null) {
        Payment p = HttpBody.read(r, Payment.class, codec());
        response.setBody("{\"cents\":" + p.cents() + "}");
      } else {
        response.setBody(behave(mode, r.getBody(), r.getIsBase64Encoded(), codec()));
      }
      return response;
    }
  }

  private HandlerEnvironment environment(Map<String, String> variables) {
    return HandlerEnvironment.builder().clock(clock).variables(variables).build();
  }

  private RequestStreamHandler handler(HttpFamilies family) {
    HandlerEnvironment env = environment(Map.of());
    return switch (family) {
      case REST -> new RestPayments(env);
      case HTTP_API -> new HttpApiPayments(env);
      case ALB, ALB_MULTI_VALUE -> new AlbPayments(env);
    };
  }

  private static Map<String, String> headers(String mode) {
    return mode == null
        ? Map.of("content-type", "application/json", "authorization", HEADER_SECRET)
        : Map.of(
            "content-type", "application/json", "authorization", HEADER_SECRET, "x-mode", mode);
  }

  private HttpFamilies.Response call(
      HttpFamilies family, String mode, String body, boolean base64) {
    String out =
        Invoke.stream(
            handler(family),
            family.event(headers(mode), body, base64),
            FakeContext.builder().requestId("req-1").clock(clock).build());
    HttpFamilies.Response response = family.response(out);
    assertFalse(response.body().contains(BODY_SECRET), response.body());
    assertFalse(response.body().contains("hdr_5ecr3t"), response.body());
    assertFalse(response.headers().toString().contains("5ecr3t"), response.headers().toString());
    return response;
  }

  private static void assertProblem(
      HttpFamilies family, HttpFamilies.Response response, int status, String title) {
    assertEquals(status, response.status(), response.toString());
    assertEquals(Problem.CONTENT_TYPE, response.headers().get("Content-Type"));
    JsonNode problem = response.problem();
    assertEquals(status, problem.get("status").asInt());
    assertEquals(title, problem.get("title").asText());
    if (family == HttpFamilies.ALB || family == HttpFamilies.ALB_MULTI_VALUE) {
      assertEquals(status + " " + Problem.reason(status), response.statusDescription());
    }
  }

  @ParameterizedTest
  @EnumSource(HttpFamilies.class)
  void wellFormedBody_plainOrBase64_reachesTheHandler(HttpFamilies family) {
    String body = "{\"card\":\"" + BODY_SECRET + "\",\"cents\":1250}";

    assertEquals(201, call(family, null, body, false).status());
    HttpFamilies.Response encoded = call(family, null, body, true);
    assertEquals(201, encoded.status());
    assertEquals("{\"cents\":1250}", encoded.body());
  }

  @ParameterizedTest
  @EnumSource(HttpFamilies.class)
  void malformedBody_is400_namingWhereButNoValue(HttpFamilies family) {
    HttpFamilies.Response response =
        call(family, null, "{\"card\":\"" + BODY_SECRET + "\",\"cents\":12 50}", false);

    assertProblem(family, response, 400, "Bad Request");
    JsonNode problem = response.problem();
    assertEquals("about:blank", problem.get("type").asText());
    assertEquals("$.cents", problem.get("jsonPath").asText());
    String detail = problem.get("detail").asText();
    assertTrue(detail.contains("[$.cents]") && detail.contains("line 1, column"), detail);
    assertFalse(detail.contains("Payment"), "no Java type names for the caller: " + detail);
  }

  @ParameterizedTest
  @EnumSource(HttpFamilies.class)
  void malformedBase64Body_andMissingBody_are400(HttpFamilies family) {
    assertProblem(family, call(family, null, "{\"cents\":", true), 400, "Bad Request");
    assertProblem(family, call(family, null, null, false), 400, "Bad Request");
  }

  @ParameterizedTest
  @EnumSource(HttpFamilies.class)
  void bodyOfTheWrongShape_is400_namingThePath(HttpFamilies family) {
    HttpFamilies.Response response =
        call(family, null, "{\"card\":\"" + BODY_SECRET + "\",\"cents\":{\"value\":1}}", false);

    assertProblem(family, response, 400, "Bad Request");
    assertEquals("$.cents", response.problem().get("jsonPath").asText());
  }

  @ParameterizedTest
  @EnumSource(HttpFamilies.class)
  void malformedEvent_is400_raisedInsideTheChain(HttpFamilies family) {
    String out =
        Invoke.stream(
            handler(family),
            "{\"headers\":{\"authorization\":\"" + HEADER_SECRET + "\"",
            FakeContext.builder().clock(clock).build());
    HttpFamilies.Response response =
        (family == HttpFamilies.ALB_MULTI_VALUE ? HttpFamilies.ALB : family).response(out);

    assertProblem(family, response, 400, "Bad Request");
    assertFalse(out.contains("5ecr3t"), out);
  }

  @ParameterizedTest
  @EnumSource(HttpFamilies.class)
  void problemSourceException_isItsProblem_withRetryAfterFromTheInvocationsClock(
      HttpFamilies family) {
    clock.set(NOW.plusSeconds(2));

    HttpFamilies.Response response = call(family, "locked", "{}", false);

    assertProblem(family, response, 409, "Conflict");
    assertEquals("5", response.headers().get("Retry-After"));
    assertEquals("The payment is locked", response.problem().get("detail").asText());
  }

  /** Stops before doing work when the time guard's margin is reached. */
  @TimeGuard(safetyMarginMillis = 500)
  public static class SlowPayments
      extends LambdaHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    int charged;

    public SlowPayments(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent r, Invocation inv) {
      inv.checkRemainingTime();
      charged++;
      return new APIGatewayProxyResponseEvent().withStatusCode(201).withBody("{}");
    }
  }

  @Test
  void timeGuardStoppingTheWork_is503_withoutRetryAfter_andStillAnErrorLine() {
    SlowPayments handler = new SlowPayments(environment(Map.of()));
    String out;
    try (CapturedStdout stdout = new CapturedStdout()) {
      out =
          Invoke.stream(
              handler,
              HttpFamilies.REST.event(headers(null), "{\"card\":\"" + BODY_SECRET + "\"}", false),
              FakeContext.builder()
                  .requestId("req-late")
                  .clock(clock)
                  .timeout(Duration.ofMillis(400))
                  .build());
      assertTrue(
          stdout.lines().stream()
              .anyMatch(l -> l.contains("\"level\":\"ERROR\"") && l.contains("HTTP 503")),
          String.join("\n", stdout.lines()));
    }
    HttpFamilies.Response response = HttpFamilies.REST.response(out);

    assertProblem(HttpFamilies.REST, response, 503, "Service Unavailable");
    assertNull(response.headers().get("Retry-After"), "the same request may need the same time");
    assertEquals(
        "The request could not be completed within the function's time limit",
        response.problem().get("detail").asText());
    assertFalse(response.body().contains(BODY_SECRET));
    assertEquals(0, handler.charged, "no work after the guard");
  }

  @ParameterizedTest
  @EnumSource(HttpFamilies.class)
  void mappedException_getsTheMappersProblem(HttpFamilies family) {
    HttpFamilies.Response response = call(family, "declined", "{}", false);

    assertProblem(family, response, 402, "Card declined");
    JsonNode problem = response.problem();
    assertEquals("https://example.com/problems/card-declined", problem.get("type").asText());
    assertFalse(problem.get("retryable").asBoolean(true));
  }

  @ParameterizedTest
  @EnumSource(HttpFamilies.class)
  void unmappedException_failsTheInvocationUnchanged(HttpFamilies family) {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Invoke.stream(
                    handler(family),
                    family.event(headers("unmapped"), "{}", false),
                    FakeContext.builder().clock(clock).build()));
    assertEquals("ledger down", e.getMessage());
  }

  // Switching it on and off.

  /** An HTTP API handler that says nothing about problems: it gets them anyway. */
  @TimeGuard
  public static class PlainHttpApi
      extends LambdaHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    public PlainHttpApi(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent r, Invocation inv) {
      HttpBody.read(r, Payment.class, codec());
      return APIGatewayV2HTTPResponse.builder().withStatusCode(204).build();
    }
  }

  @HttpProblems(enabled = false)
  public static class OptedOut extends PlainHttpApi {
    public OptedOut(HandlerEnvironment environment) {
      super(environment);
    }
  }

  private static List<String> names(List<Interceptor> interceptors) {
    return interceptors.stream().map(Interceptor::name).toList();
  }

  @Test
  void httpEventHandler_getsProblemsWithoutAsking_outermostOfTheFeatures() {
    PlainHttpApi handler = new PlainHttpApi(environment(Map.of()));

    List<String> names = names(handler.interceptors());
    assertEquals(List.of("LogContext", "ResponseEncoder", "HttpProblems"), names.subList(0, 3));
    assertEquals(4, names.size(), names.toString());
    String out =
        Invoke.stream(
            handler,
            HttpFamilies.HTTP_API.event(Map.of(), "not json", false),
            FakeContext.builder().build());
    assertEquals(400, HttpFamilies.HTTP_API.response(out).status());
  }

  @Test
  void annotationOff_orEnvironmentOff_letsTheExceptionThrough() {
    String event = HttpFamilies.HTTP_API.event(Map.of(), "not json", false);

    assertThrows(
        dev.lamina.core.codec.MalformedInputException.class,
        () -> Invoke.stream(new OptedOut(environment(Map.of())), event));
    PlainHttpApi switchedOff =
        new PlainHttpApi(environment(Map.of(HttpProblemsConfig.ENVIRONMENT_VARIABLE, "off")));
    assertThrows(
        dev.lamina.core.codec.MalformedInputException.class,
        () -> Invoke.stream(switchedOff, event));
    assertTrue(names(switchedOff.interceptors()).contains("HttpProblems(off)"));
  }

  @Test
  void environmentVariable_withAnUnknownValue_failsInit_namingIt() {
    LaminaException e =
        assertThrows(
            LaminaException.class,
            () ->
                new PlainHttpApi(
                    environment(Map.of(HttpProblemsConfig.ENVIRONMENT_VARIABLE, "maybe"))));
    assertTrue(e.getMessage().contains("[LAMINA_HTTP_PROBLEMS]"), e.getMessage());
  }

  @Test
  void nonHttpHandler_getsNoProblems_andAskingForThemFailsInit() {
    RequestStreamHandler plain =
        Lamina.handler(Payment.class, Payment.class, (Payment p, Invocation i) -> p)
            .environment(environment(Map.of()))
            .build();
    assertThrows(
        dev.lamina.core.codec.MalformedInputException.class,
        () -> Invoke.stream(plain, "not json"));

    LaminaException e =
        assertThrows(
            LaminaException.class,
            () ->
                Lamina.handler(Payment.class, Payment.class, (Payment p, Invocation i) -> p)
                    .feature(HttpProblemsConfig.ofDefaults())
                    .environment(environment(Map.of()))
                    .build());
    assertTrue(e.getMessage().contains("HTTP event pair"), e.getMessage());
  }

  @Test
  void plainJava_registersAMapper_throughTheBuilder() {
    RequestStreamHandler handler =
        Lamina.handler(
                APIGatewayProxyRequestEvent.class,
                APIGatewayProxyResponseEvent.class,
                (APIGatewayProxyRequestEvent r, Invocation i) -> {
                  throw new CardDeclined();
                })
            .feature(HttpProblemsConfig.custom().mapper(new PaymentProblems()).build())
            .environment(environment(Map.of()))
            .build();

    String out =
        Invoke.stream(
            handler, HttpFamilies.REST.event(Map.of(), "{}", false), FakeContext.builder().build());
    assertEquals(402, HttpFamilies.REST.response(out).status());
  }

  @Test
  void decoratedRequestHandler_returnsTheResponseObject() {
    var handler =
        Lamina.<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>decorate(
                (r, context) -> {
                  throw new PaymentLocked();
                },
                APIGatewayV2HTTPEvent.class,
                APIGatewayV2HTTPResponse.class)
            .environment(environment(Map.of()))
            .buildRequestHandler();

    APIGatewayV2HTTPResponse response =
        handler.handleRequest(new APIGatewayV2HTTPEvent(), FakeContext.builder().build());
    assertEquals(409, response.getStatusCode());
    assertEquals("7", response.getHeaders().get("Retry-After"));
  }

  @Test
  void mapperComesFirst_andMayReplaceLaminasOwnAnswer() {
    ProblemMapper teapot =
        e -> e instanceof PaymentLocked ? Optional.of(Problem.of(429, "slow down")) : null;
    RequestStreamHandler handler =
        Lamina.handler(
                APIGatewayV2HTTPEvent.class,
                APIGatewayV2HTTPResponse.class,
                (APIGatewayV2HTTPEvent r, Invocation i) -> {
                  throw new PaymentLocked();
                })
            .feature(HttpProblemsConfig.custom().mapper(teapot).build())
            .environment(environment(Map.of()))
            .build();

    String out = Invoke.stream(handler, HttpFamilies.HTTP_API.event(Map.of(), "{}", false));
    assertEquals(429, HttpFamilies.HTTP_API.response(out).status());
  }

  @Test
  void failingMapper_failsTheInvocation_keepingTheOriginalAsSuppressed() {
    IllegalStateException original = new IllegalStateException("original");
    RequestStreamHandler handler =
        Lamina.handler(
                APIGatewayV2HTTPEvent.class,
                APIGatewayV2HTTPResponse.class,
                (APIGatewayV2HTTPEvent r, Invocation i) -> {
                  throw original;
                })
            .feature(
                HttpProblemsConfig.custom()
                    .mapper(
                        e -> {
                          throw new UnsupportedOperationException("mapper bug");
                        })
                    .build())
            .environment(environment(Map.of()))
            .build();

    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () -> Invoke.stream(handler, HttpFamilies.HTTP_API.event(Map.of(), "{}", false)));
    assertSame(original, e.getSuppressed()[0]);
  }

  @Test
  void answeredFailure_isOneWarningWithoutAStack_andAMapped5xxIsAnErrorWithIt() {
    HttpApiPayments handler = new HttpApiPayments(environment(Map.of()));
    List<JsonNode> lines;
    try (CapturedStdout out = new CapturedStdout()) {
      Invoke.stream(handler, HttpFamilies.HTTP_API.event(headers("locked"), "{}", false));
      lines = out.jsonLines();
    }
    assertEquals(1, lines.size(), lines.toString());
    assertEquals("WARN", lines.get(0).get("level").asText());
    assertEquals(PaymentLocked.class.getName(), lines.get(0).get("outcome").asText());
    assertEquals(409, lines.get(0).get("http_status").asInt());
    assertNull(lines.get(0).get("error"));

    RequestStreamHandler unavailable =
        Lamina.handler(
                APIGatewayV2HTTPEvent.class,
                APIGatewayV2HTTPResponse.class,
                (APIGatewayV2HTTPEvent r, Invocation i) -> {
                  throw new IllegalStateException("down");
                })
            .feature(
                HttpProblemsConfig.custom()
                    .mapper(e -> Optional.of(Problem.of(503, "Try again later")))
                    .build())
            .environment(environment(Map.of()))
            .build();
    try (CapturedStdout out = new CapturedStdout()) {
      Invoke.stream(unavailable, HttpFamilies.HTTP_API.event(Map.of(), "{}", false));
      lines = out.jsonLines();
    }
    assertEquals(1, lines.size(), lines.toString());
    assertEquals("ERROR", lines.get(0).get("level").asText());
    assertTrue(lines.get(0).get("error").get("stack").asText().contains("down"), lines.toString());
  }

  @Test
  void factory_withAMapperThatCannotBeCreated_failsInit() {
    LaminaException e =
        assertThrows(LaminaException.class, () -> new Unmappable(environment(Map.of())));
    assertTrue(e.getMessage().contains("public no-arg constructor"), e.getMessage());
  }

  /** A mapper without a public no-arg constructor. */
  static final class NoConstructor implements ProblemMapper {
    private NoConstructor(int ignored) {}

    @Override
    public Optional<Problem> problemFor(Exception exception) {
      return Optional.empty();
    }
  }

  @HttpProblems(mapper = NoConstructor.class)
  public static class Unmappable extends PlainHttpApi {
    public Unmappable(HandlerEnvironment environment) {
      super(environment);
    }
  }
}
