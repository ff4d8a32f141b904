package dev.lamina.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the server the way the runtime does, with the JDK's HTTP client. */
class RuntimeApiServerTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private RuntimeApiServer server;

  @BeforeEach
  void start() {
    server = RuntimeApiServer.start(clock, r -> {});
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CompletableFuture<HttpResponse<String>> next() {
    return http.sendAsync(
        HttpRequest.newBuilder(uri("invocation/next")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://" + server.address() + "/2018-06-01/runtime/" + path);
  }

  @Test
  void next_blocksUntilAnEventIsQueued_thenCarriesTheHeaders() throws Exception {
    CompletableFuture<HttpResponse<String>> polling = next();
    assertThrows(
        TimeoutException.class,
        () -> polling.get(300, TimeUnit.MILLISECONDS),
        "nothing queued yet");

    Instant deadline = Instant.parse("2026-01-01T00:00:30Z");
    server.enqueue(
        InvocationRequest.builder("{\"n\":1}")
            .requestId("req-1")
            .deadline(deadline)
            .invokedFunctionArn("arn:aws:lambda:us-east-1:123456789012:function:f")
            .traceId("Root=1-x")
            .tenantId("tenant-a")
            .build());

    HttpResponse<String> event = polling.get(5, TimeUnit.SECONDS);
    assertEquals(200, event.statusCode());
    assertEquals("{\"n\":1}", event.body());
    assertEquals(
        "req-1", event.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow());
    assertEquals(
        Long.toString(deadline.toEpochMilli()),
        event.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
    assertEquals(
        "arn:aws:lambda:us-east-1:123456789012:function:f",
        event.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow());
    assertEquals("Root=1-x", event.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow());
    assertEquals(
        "tenant-a", event.headers().firstValue("Lambda-Runtime-Aws-Tenant-Id").orElseThrow());
    assertFalse(event.headers().firstValue("Lambda-Runtime-Client-Context").isPresent());
  }

  @Test
  void responses_areRoutedByRequestId_andTimedOnTheServerClock() throws Exception {
    CompletableFuture<InvocationResult> first =
        server.enqueue(InvocationRequest.builder("1").requestId("a").build());
    CompletableFuture<InvocationResult> second =
        server.enqueue(InvocationRequest.builder("2").requestId("b").build());
    assertEquals("1", next().get(5, TimeUnit.SECONDS).body(), "delivered in queue order");
    assertEquals("2", next().get(5, TimeUnit.SECONDS).body());

    clock.advance(Duration.ofSeconds(1));
    assertEquals(202, post("invocation/b/response", "\"for b\"").statusCode());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(202, post("invocation/a/response", "\"for a\"").statusCode());

    InvocationResult a = first.get(5, TimeUnit.SECONDS);
    InvocationResult b = second.get(5, TimeUnit.SECONDS);
    assertEquals("\"for a\"", a.body());
    assertEquals("\"for b\"", b.body());
    assertEquals(Instant.parse("2026-01-01T00:00:02Z"), a.receivedAt());
    assertEquals(Instant.parse("2026-01-01T00:00:01Z"), b.receivedAt());
    assertEquals(0, server.unansweredCount());
  }

  @Test
  void error_isParsedFromTheErrorDocument() throws Exception {
    CompletableFuture<InvocationResult> pending =
        server.enqueue(InvocationRequest.builder("{}").requestId("e").build());
    next().get(5, TimeUnit.SECONDS);
    post(
        "invocation/e/error",
        "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\",\"stackTrace\":[\"a.B.c(B.java:1)\"]}",
        "Lambda-Runtime-Function-Error-Type",
        "Runtime.UserException");

    InvocationResult result = pending.get(5, TimeUnit.SECONDS);
    assertTrue(result.isError());
    assertEquals("java.lang.IllegalStateException", result.errorType());
    assertEquals("boom", result.errorMessage());
    assertEquals(List.of("a.B.c(B.java:1)"), result.stackTrace());
    assertEquals("Runtime.UserException", result.functionErrorType());
  }

  @Test
  void unknownOrUndeliveredOrRepeatedId_isRejectedWith4xx() throws Exception {
    assertEquals(400, post("invocation/nobody/response", "{}").statusCode());

    server.enqueue(InvocationRequest.builder("{}").requestId("queued").build());
    assertEquals(400, post("invocation/queued/response", "{}").statusCode(), "not delivered yet");

    next().get(5, TimeUnit.SECONDS);
    assertEquals(202, post("invocation/queued/response", "{}").statusCode());
    int again = post("invocation/queued/response", "{}").statusCode();
    assertTrue(again >= 400 && again < 500, "answered twice: " + again);

    assertEquals(404, post("invocation/queued/other", "{}").statusCode());
  }

  @Test
  void initError_isRecorded() throws Exception {
    assertTrue(server.initError().isEmpty());
    assertEquals(
        202,
        post(
                "init/error",
                "{\"errorMessage\":\"no table\",\"errorType\":\"x.ConfigException\"}",
                "Lambda-Runtime-Function-Error-Type",
                "Runtime.Unknown")
            .statusCode());

    InitError error = server.initErrorFuture().get(5, TimeUnit.SECONDS);
    assertEquals("x.ConfigException", error.errorType());
    assertEquals("no table", error.errorMessage());
    assertEquals("Runtime.Unknown", error.functionErrorType());
    assertTrue(error.exitCode().isEmpty());
  }

  @Test
  void failPending_andClose_failTheWaitingFutures() throws Exception {
    CompletableFuture<InvocationResult> queued =
        server.enqueue(InvocationRequest.builder("{}").build());
    server.failPending(new LocalLambdaException("[test] runtime died"));
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> queued.get(5, TimeUnit.SECONDS));
    assertEquals("[test] runtime died", e.getCause().getMessage());

    CompletableFuture<InvocationResult> another =
        server.enqueue(InvocationRequest.builder("{}").build());
    server.close();
    e = assertThrows(ExecutionException.class, () -> another.get(5, TimeUnit.SECONDS));
    assertInstanceOf(LocalLambdaException.class, e.getCause());
    assertThrows(
        IllegalStateException.class, () -> server.enqueue(InvocationRequest.builder("{}").build()));
  }

  @Test
  void duplicateUnansweredRequestId_isRejected() {
    server.enqueue(InvocationRequest.builder("{}").requestId("same").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> server.enqueue(InvocationRequest.builder("{}").requestId("same").build()));
  }
}
