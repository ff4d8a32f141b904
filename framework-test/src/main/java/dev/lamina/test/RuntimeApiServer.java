package dev.lamina.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lamina.test.internal.ErrorDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A local Lambda Runtime API (the {@code 2018-06-01} interface a runtime polls) on {@code 127.0.0.1}
 * and an ephemeral port, for a runtime started by a test. Built on the JDK's
 * {@code com.sun.net.httpserver}, so it needs no dependency.
 *
 * <ul>
 *   <li>{@code GET /2018-06-01/runtime/invocation/next} long-polls: it blocks until an event is
 *       {@linkplain #enqueue(InvocationRequest) queued}, then answers with the payload and the headers
 *       {@code Lambda-Runtime-Aws-Request-Id}, {@code -Deadline-Ms}, {@code -Invoked-Function-Arn},
 *       {@code -Trace-Id} (and {@code -Client-Context}, {@code -Cognito-Identity},
 *       {@code Lambda-Runtime-Aws-Tenant-Id} when set).</li>
 *   <li>{@code POST .../invocation/{id}/response} and {@code .../invocation/{id}/error} complete the
 *       future returned by {@code enqueue}; they answer 202. An id that was never delivered answers 400
 *       ({@code InvalidRequestID}).</li>
 *   <li>{@code POST /2018-06-01/runtime/init/error} records an {@link InitError}; it answers 202.</li>
 * </ul>
 *
 * <p>Thread-safe: events may be queued from any thread; each request runs on its own daemon thread.
 * Events are delivered in the order they were queued, one per {@code next} call. Results carry the
 * time they arrived, read from the given {@link Clock}.
 *
 * <p>Creating the first server sets {@code sun.net.httpserver.nodelay=true} unless already set: without
 * it the JDK server answers each request about 40 ms late (Nagle's algorithm).
 *
 * <pre>{@code
 * try (RuntimeApiServer server = RuntimeApiServer.start()) {
 *     // start a runtime with AWS_LAMBDA_RUNTIME_API=server.address()
 *     InvocationResult result = server.enqueue(InvocationRequest.builder("{}").build()).get(10, TimeUnit.SECONDS);
 * }
 * }</pre>
 */
public final class RuntimeApiServer implements AutoCloseable {

  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final String NEXT = PREFIX + "invocation/next";
  private static final String INIT_ERROR = PREFIX + "init/error";
  private static final String INVOCATION = PREFIX + "invocation/";
  private static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Clock clock;
  private final Consumer<InvocationResult> onResult;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Map<String, Pending> unanswered = new ConcurrentHashMap<>();
  private final CompletableFuture<InitError> initError = new CompletableFuture<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private RuntimeApiServer(Clock clock, Consumer<InvocationResult> onResult) throws IOException {
    this.clock = clock;
    this.onResult = onResult;
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor =
        Executors.newCachedThreadPool(
            daemonThreads("lamina-runtime-api-" + server.getAddress().getPort()));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a server on an ephemeral port, timing results with the system UTC clock. */
  public static RuntimeApiServer start() {
    return start(Clock.systemUTC(), result -> {});
  }

  /**
   * Starts a server on an ephemeral port.
   *
   * @param clock where {@link InvocationResult#receivedAt()} is read from
   * @param onResult called with each result on the server thread that received it, before the
   *     runtime's post is acknowledged and before the future returned by {@link #enqueue} completes;
   *     an exception it throws is ignored. Keep it short: the runtime waits for it.
   */
  public static RuntimeApiServer start(Clock clock, Consumer<InvocationResult> onResult) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(onResult, "onResult");
    try {
      return new RuntimeApiServer(clock, onResult);
    } catch (IOException e) {
      throw new UncheckedIOException("[RuntimeApiServer] could not listen on 127.0.0.1", e);
    }
  }

  /** The value for {@code AWS_LAMBDA_RUNTIME_API}: {@code 127.0.0.1:<port>}. */
  public String address() {
    return "127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Queues an event for the next {@code GET .../invocation/next}.
   *
   * @return completes with the runtime's response or error; completes exceptionally if
   *     {@link #failPending(RuntimeException)} or {@link #close()} is called first. It is never
   *     completed by a timeout: bound your wait.
   * @throws IllegalStateException if the server is closed
   * @throws IllegalArgumentException if an event with the same request id is still unanswered
   */
  public CompletableFuture<InvocationResult> enqueue(InvocationRequest invocation) {
    Objects.requireNonNull(invocation, "invocation");
    if (closed.get()) {
      throw new IllegalStateException("[RuntimeApiServer " + address() + "] is closed");
    }
    Pending pending = new Pending(invocation);
    if (unanswered.putIfAbsent(invocation.requestId(), pending) != null) {
      throw new IllegalArgumentException(
          "[" + invocation.requestId() + "] is already queued or in flight");
    }
    queue.add(pending);
    return pending.future;
  }

  /** The init error posted so far, if any. */
  public Optional<InitError> initError() {
    return Optional.ofNullable(initError.getNow(null));
  }

  /** Completes when the runtime posts an init error; a copy, so completing it has no effect here. */
  public CompletableFuture<InitError> initErrorFuture() {
    return initError.copy();
  }

  /** How many events are queued or delivered but not yet answered. */
  public int unansweredCount() {
    return unanswered.size();
  }

  /**
   * Completes every unanswered event's future exceptionally with {@code cause} and forgets them; a
   * later post for one of them answers 400. Used when the runtime died.
   */
  public void failPending(RuntimeException cause) {
    Objects.requireNonNull(cause, "cause");
    queue.clear();
    for (String id : unanswered.keySet()) {
      Pending p = unanswered.remove(id);
      if (p != null) {
        p.future.completeExceptionally(cause);
      }
    }
  }

  /** Stops listening, fails every unanswered event, and ends the server threads. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    failPending(
        new LocalLambdaException(
            "[RuntimeApiServer " + address() + "] was closed before the runtime answered"));
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (path.equals(NEXT) && method.equals("GET")) {
        next(exchange);
      } else if (path.equals(INIT_ERROR) && method.equals("POST")) {
        initError(exchange, body);
      } else if (path.startsWith(INVOCATION) && method.equals("POST")) {
        String rest = path.substring(INVOCATION.length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? "" : rest.substring(0, slash);
        String kind = slash < 0 ? rest : rest.substring(slash + 1);
        if (id.isEmpty() || !(kind.equals("response") || kind.equals("error"))) {
          send(exchange, 404, error("NotFound", "No such resource"));
        } else {
          result(exchange, id, kind.equals("error"), body);
        }
      } else {
        send(exchange, 404, error("NotFound", "No such resource"));
      }
    }
  }

  private void next(HttpExchange exchange) throws IOException {
    Pending pending;
    try {
      do {
        pending = queue.take();
      } while (pending.future.isDone());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // closing: the exchange is closed without an answer
    }
    InvocationRequest inv = pending.invocation;
    var h = exchange.getResponseHeaders();
    h.set("Content-Type", "application/json");
    h.set("Lambda-Runtime-Aws-Request-Id", inv.requestId());
    h.set("Lambda-Runtime-Deadline-Ms", Long.toString(inv.deadline().toEpochMilli()));
    h.set("Lambda-Runtime-Invoked-Function-Arn", inv.invokedFunctionArn());
    h.set("Lambda-Runtime-Trace-Id", inv.traceId());
    setIfPresent(h, "Lambda-Runtime-Client-Context", inv.clientContext());
    setIfPresent(h, "Lambda-Runtime-Cognito-Identity", inv.cognitoIdentity());
    setIfPresent(h, "Lambda-Runtime-Aws-Tenant-Id", inv.tenantId());
    pending.delivered = true;
    try {
      send(exchange, 200, inv.payloadUnsafe());
    } catch (IOException e) {
      if (unanswered.remove(inv.requestId(), pending)) {
        pending.future.completeExceptionally(
            new LocalLambdaException(
                "[" + inv.requestId() + "] could not be delivered to the runtime", e));
      }
      throw e;
    }
  }

  private static void setIfPresent(com.sun.net.httpserver.Headers h, String name, String value) {
    if (value != null) {
      h.set(name, value);
    }
  }

  private void result(HttpExchange exchange, String id, boolean isError, byte[] body)
      throws IOException {
    Pending pending = unanswered.get(id);
    if (pending == null || !pending.delivered) {
      send(exchange, 400, error("InvalidRequestID", "Invalid request ID"));
      return;
    }
    if (!unanswered.remove(id, pending)) {
      send(exchange, 400, error("InvalidStateTransition", "Already answered"));
      return;
    }
    Instant now = clock.instant();
    InvocationResult result;
    if (isError) {
      ErrorDocument doc = ErrorDocument.parse(body);
      result =
          InvocationResult.error(
              id,
              body,
              doc.errorType(),
              doc.errorMessage(),
              doc.stackTrace(),
              exchange.getRequestHeaders().getFirst(ERROR_TYPE_HEADER),
              now);
    } else {
      result = InvocationResult.response(id, body, now);
    }
    try {
      onResult.accept(result);
    } catch (RuntimeException ignored) {
      // A listener must not break the runtime's loop.
    }
    pending.future.complete(result);
    send(exchange, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
  }

  private void initError(HttpExchange exchange, byte[] body) throws IOException {
    ErrorDocument doc = ErrorDocument.parse(body);
    initError.complete(
        new InitError(
            doc.errorType(),
            doc.errorMessage(),
            doc.stackTrace(),
            exchange.getRequestHeaders().getFirst(ERROR_TYPE_HEADER),
            new String(body, StandardCharsets.UTF_8),
            clock.instant()));
    send(exchange, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] error(String type, String message) {
    return ("{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + type + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public String toString() {
    return "RuntimeApiServer[" + address() + ", unanswered=" + unanswered.size() + "]";
  }

  private static final class Pending {
    final InvocationRequest invocation;
    final CompletableFuture<InvocationResult> future = new CompletableFuture<>();
    volatile boolean delivered;

    Pending(InvocationRequest invocation) {
      this.invocation = invocation;
    }
  }
}
