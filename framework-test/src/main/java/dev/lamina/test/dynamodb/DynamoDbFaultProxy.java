package dev.lamina.test.dynamodb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lamina.test.TokenBucket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback HTTP proxy in front of DynamoDB Local (or any DynamoDB endpoint) that records every
 * request's operation (so the calls of a client configured from the environment can be counted)
 * and answers chosen operations with a fault instead of forwarding them. Point the client under
 * test at {@link #endpoint()}.
 *
 * <p>Throttling mode ({@link #throttle(TokenBucket)}): every request takes a token from a bucket
 * first, and one with no token is answered as DynamoDB answers a request over a table's or a
 * partition's throughput: HTTP 400, {@code Content-Type: application/x-amz-json-1.0} and {@code
 * {"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
 * "message":...}}. The real SDK client sees the real error and retries it as it would
 * (throttling backoff, retry quota), so a test measures the whole path. {@link
 * #forwarded(String)} and {@link #throttled(String)} count per operation.
 */
public final class DynamoDbFaultProxy implements AutoCloseable {
  /** What to answer instead of forwarding: DynamoDB's status and {@code __type} for each. */
  public enum Fault {
    /** HTTP 400 {@code ProvisionedThroughputExceededException}, which the SDK retries. */
    THROTTLE(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException"),
    /** HTTP 500 {@code InternalServerError}. */
    SERVER_ERROR(500, "com.amazonaws.dynamodb.v20120810#InternalServerError"),
    /** HTTP 400 {@code AccessDeniedException}. */
    ACCESS_DENIED(400, "com.amazonaws.dynamodb.v20120810#AccessDeniedException");

    final int status;
    final String type;

    Fault(int status, String type) {
      this.status = status;
      this.type = type;
    }
  }

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "host",
          "content-length",
          "connection",
          "transfer-encoding",
          "expect",
          "upgrade",
          "keep-alive",
          "date",
          "via",
          "from",
          "warning");

  private final HttpServer server;
  private final URI target;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<String, Fault> faults = new ConcurrentHashMap<>();
  private final Map<String, ResponseHook> hooks = new ConcurrentHashMap<>();
  private final List<String> requests = new ArrayList<>();
  private final Map<String, LongAdder> forwarded = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> throttled = new ConcurrentHashMap<>();
  private volatile TokenBucket bucket;

  /**
   * Starts the proxy on an ephemeral loopback port. Always {@link #close()} it.
   *
   * @param target the DynamoDB endpoint to forward to, such as {@code DynamoDbLocal.endpoint()}
   * @throws IOException if it cannot listen
   */
  public DynamoDbFaultProxy(URI target) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.target = target;
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1_024);
    server.createContext("/", this::handle);
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fault-proxy");
              t.setDaemon(true);
              return t;
            }));
    server.start();
  }

  /** The endpoint to give the client: {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Answers every request for {@code operation} with {@code fault} until {@link #heal()}.
   *
   * @param operation such as {@code PutItem}, as in the {@code X-Amz-Target} header
   * @param fault the answer
   */
  public void fail(String operation, Fault fault) {
    faults.put(operation, fault);
  }

  /**
   * Sees what DynamoDB answered to a forwarded request and may answer something else: a hook for
   * faults that happen after the service acted (a lost response, an answer without its item).
   */
  @FunctionalInterface
  public interface ResponseHook {
    /**
     * Sees one answer.
     *
     * @param status DynamoDB's HTTP status
     * @param body DynamoDB's JSON body
     * @return the answer to send instead, or {@code null} to pass DynamoDB's answer on
     */
    Answer onResponse(int status, String body);
  }

  /**
   * An HTTP answer.
   *
   * @param status the HTTP status
   * @param body the JSON body
   */
  public record Answer(int status, String body) {}

  /**
   * Runs {@code hook} on DynamoDB's answer to every forwarded {@code operation}.
   *
   * @param operation such as {@code UpdateItem}
   * @param hook sees the answer and may replace it
   */
  public void afterForwarding(String operation, ResponseHook hook) {
    hooks.put(operation, hook);
  }

  /** Ends every fault, hook and throttling: requests are forwarded again. */
  public void heal() {
    faults.clear();
    hooks.clear();
    bucket = null;
  }

  /**
   * Throttles every request with {@code bucket}: a request without a token is answered {@code
   * ProvisionedThroughputExceededException}. {@link #heal()} ends it.
   *
   * @param bucket the rate and burst, such as {@code new TokenBucket(50, 20, Clock.systemUTC())}
   */
  public void throttle(TokenBucket bucket) {
    this.bucket = bucket;
  }

  /**
   * How many requests for {@code operation} were forwarded (not faulted nor throttled).
   *
   * @param operation such as {@code PutItem}
   * @return the count since the proxy started
   */
  public long forwarded(String operation) {
    LongAdder n = forwarded.get(operation);
    return n == null ? 0 : n.sum();
  }

  /**
   * How many requests for {@code operation} the {@link #throttle(TokenBucket) bucket} rejected.
   *
   * @param operation such as {@code PutItem}
   * @return the count since the proxy started
   */
  public long throttled(String operation) {
    LongAdder n = throttled.get(operation);
    return n == null ? 0 : n.sum();
  }

  /** Every operation forwarded or throttled so far, sorted. */
  public Set<String> operations() {
    Set<String> all = new java.util.TreeSet<>(forwarded.keySet());
    all.addAll(throttled.keySet());
    return all;
  }

  /** The operations requested so far (HTTP requests, so retries count), and forgets them. */
  public List<String> drain() {
    synchronized (requests) {
      List<String> copy = new ArrayList<>(requests);
      requests.clear();
      return copy;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String targetHeader = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation =
          targetHeader == null ? "?" : targetHeader.substring(targetHeader.indexOf('.') + 1);
      synchronized (requests) {
        requests.add(operation);
      }
      Fault fault = faults.get(operation);
      TokenBucket limit = bucket;
      if (fault == null && limit != null && !limit.tryAcquire()) {
        throttled.computeIfAbsent(operation, k -> new LongAdder()).increment();
        fault = Fault.THROTTLE;
      } else if (fault == null) {
        forwarded.computeIfAbsent(operation, k -> new LongAdder()).increment();
      }
      if (fault != null) {
        byte[] error =
            ("{\"__type\":\""
                    + fault.type
                    + "\",\"message\":\""
                    + (fault == Fault.THROTTLE
                        ? "The level of configured provisioned throughput for the table was"
                            + " exceeded. Consider increasing your provisioning level with the"
                            + " UpdateTable API."
                        : "injected by DynamoDbFaultProxy")
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(fault.status, error.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(error);
        }
        return;
      }
      HttpRequest.Builder forward =
          HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                  values.forEach(v -> forward.header(name, v));
                }
              });
      HttpResponse<byte[]> response;
      try {
        response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                  values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
              });
      byte[] answer = response.body();
      int status = response.statusCode();
      ResponseHook hook = hooks.get(operation);
      Answer replaced =
          hook == null ? null : hook.onResponse(status, new String(answer, StandardCharsets.UTF_8));
      if (replaced != null) {
        status = replaced.status();
        answer = replaced.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().remove("x-amz-crc32"); // the body changed
      }
      exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    }
  }

  /** Stops the proxy. */
  @Override
  public void close() {
    server.stop(0);
  }
}
