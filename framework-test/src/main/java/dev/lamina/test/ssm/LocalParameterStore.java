package dev.lamina.test.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lamina.test.TokenBucket;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A local SSM Parameter Store: the SSM JSON protocol ({@code POST /},
 * {@code Content-Type: application/x-amz-json-1.1}, {@code X-Amz-Target: AmazonSSM.<Operation>}) on
 * {@code 127.0.0.1} and an ephemeral port, so the real {@code SsmClient} runs end to end in tests.
 *
 * <ul>
 *   <li>{@code GetParameter}: one parameter, or 400 {@code ParameterNotFound}.</li>
 *   <li>{@code GetParameters}: at most 10 names (more is 400 {@code ValidationException}, as in SSM);
 *       unknown names come back in {@code InvalidParameters}.</li>
 *   <li>{@code GetParametersByPath}: {@code Recursive} or direct children only, sorted by name, paged
 *       by {@code MaxResults} (1 to 10, default {@link Builder#pageSize(int) the page size}) with an
 *       opaque {@code NextToken}.</li>
 *   <li>{@code PutParameter} (with {@code Overwrite}) and {@code DeleteParameter}, for seeding over
 *       HTTP; {@link #put(String, String, ParameterType)} does the same from Java.</li>
 *   <li>The AWS Parameters and Secrets Lambda Extension's HTTP API on the same port:
 *       {@code GET /systemsmanager/parameters/get?name=...&withDecryption=true} with the
 *       {@code X-Aws-Parameters-Secrets-Token} header (401 without it), answering the
 *       {@code GetParameter} JSON, or 400 {@code ParameterNotFound}. Point a function at it with
 *       {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT=}{@link #port()}; it is logged as operation
 *       {@value #EXTENSION_GET}.</li>
 * </ul>
 *
 * <p>{@code SecureString} values are returned in clear only with {@code WithDecryption=true};
 * otherwise the value is a stand-in ciphertext that never contains the clear value. Signatures and
 * credentials are not checked. Every request is recorded in {@link #requests()} (operation, names,
 * path, {@code NextToken}, status; never values). Faults on demand: {@link #throttleNext(int)} and
 * {@link #failNext(int, String)} answer the next requests with a 400 error of that type.
 *
 * <p>Throttling as SSM does it: {@link Builder#throttle(double, int)} puts a {@link TokenBucket} in
 * front of every read ({@code GetParameter}, {@code GetParameters}, {@code GetParametersByPath} and
 * the extension's {@code GET}, which share one quota in SSM: 40 a second by default). A read with no
 * token is answered as SSM answers it: HTTP 400, {@code x-amzn-ErrorType: ThrottlingException} and
 * the JSON body {@code {"__type":"ThrottlingException","message":"Rate exceeded"}}, which the SDK
 * maps to an {@code SsmException} whose error code is {@code ThrottlingException} and which it
 * counts as throttling. {@link #served(String)} and {@link #throttled(String)} count the answers per
 * operation. The bucket reads {@link Builder#clock(Clock) the clock}, so a test that moves a
 * {@code MutableClock} decides exactly when tokens come back.
 *
 * <p>Thread-safe. Creating the first server sets {@code sun.net.httpserver.nodelay=true} unless already
 * set (without it each answer is delayed about 40 ms). Always {@link #close()} it.
 *
 * <pre>{@code
 * try (LocalParameterStore ssm = LocalParameterStore.start()) {
 *     ssm.put("/orders/db-url", "jdbc:postgresql://db/orders", ParameterType.STRING);
 *     ssm.put("/orders/db-password", "s3cret", ParameterType.SECURE_STRING);
 *     SsmClient client = SsmClient.builder().endpointOverride(ssm.endpoint())
 *         .region(Region.US_EAST_1)
 *         .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
 *         .httpClient(UrlConnectionHttpClient.create())
 *         .build();
 *     client.getParametersByPath(r -> r.path("/orders").recursive(true).withDecryption(true));
 *     assertEquals("GetParametersByPath", ssm.requests().get(0).operation());
 * }
 * }</pre>
 */
public final class LocalParameterStore implements AutoCloseable {

  /** The most names {@code GetParameters} accepts, and the largest page of {@code GetParametersByPath}. */
  public static final int MAX_BATCH = 10;

  /** The operation name the request log uses for the extension's {@code GET}. */
  public static final String EXTENSION_GET = "Extension.GetParameter";

  private static final String EXTENSION_PATH = "/systemsmanager/parameters/get";
  private static final String ACCOUNT = "123456789012";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String THROTTLING = "ThrottlingException";
  private static final java.util.Set<String> READS =
      java.util.Set.of("GetParameter", "GetParameters", "GetParametersByPath");

  private final HttpServer server;
  private final ExecutorService executor;
  private final Clock clock;
  private final int pageSize;
  private final String region;
  private final NavigableMap<String, Stored> parameters = new TreeMap<>();
  private final List<SsmRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<Fault> faults = new ArrayList<>();
  private final TokenBucket bucket;
  private final Map<String, LongAdder> served = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> throttled = new ConcurrentHashMap<>();

  private LocalParameterStore(Builder b) throws IOException {
    this.clock = b.clock;
    this.pageSize = b.pageSize;
    this.region = b.region;
    this.bucket = b.rate > 0 ? new TokenBucket(b.rate, b.burst, b.clock) : null;
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1_024);
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t =
                  new Thread(
                      r,
                      "lamina-local-ssm-"
                          + server.getAddress().getPort()
                          + "-"
                          + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a store with the defaults: page size 10, the system UTC clock, region {@code us-east-1}. */
  public static LocalParameterStore start() {
    return builder().start();
  }

  /** A builder for a store with a smaller page size, another clock or region. */
  public static Builder builder() {
    return new Builder();
  }

  /** The endpoint to give the client: {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** The port the store listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stores (or overwrites) a {@code String} parameter. */
  public void put(String name, String value) {
    put(name, value, ParameterType.STRING);
  }

  /**
   * Stores a parameter, or overwrites it with the next version.
   *
   * @param name the full name; hierarchical names start with {@code /}
   * @param value the value; not empty
   * @param type the type; {@code SECURE_STRING} values need {@code WithDecryption} to be read in clear
   * @throws IllegalArgumentException if the name or value is empty
   */
  public void put(String name, String value, ParameterType type) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(type, "type");
    if (name.isEmpty() || value.isEmpty()) {
      throw new IllegalArgumentException("[" + name + "] needs a non-empty name and value");
    }
    synchronized (parameters) {
      Stored old = parameters.get(name);
      parameters.put(
          name, new Stored(name, value, type, old == null ? 1 : old.version + 1, clock.millis()));
    }
  }

  /** Removes a parameter; does nothing if it does not exist. */
  public void delete(String name) {
    synchronized (parameters) {
      parameters.remove(name);
    }
  }

  /** The number of parameters stored. */
  public int size() {
    synchronized (parameters) {
      return parameters.size();
    }
  }

  /** Every request received so far, in order of arrival. */
  public List<SsmRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The requests received so far for one operation, e.g. {@code "GetParameters"}. */
  public List<SsmRequest> requests(String operation) {
    return requests().stream().filter(r -> r.operation().equals(operation)).toList();
  }

  /** Forgets the requests received so far, and the counts of {@link #served} and {@link #throttled}. */
  public void clearRequests() {
    requests.clear();
    served.clear();
    throttled.clear();
  }

  /**
   * How many requests for {@code operation} were answered by the store itself (whatever the
   * status), that is neither throttled nor answered with an injected fault.
   *
   * @param operation such as {@code "GetParametersByPath"} or {@value #EXTENSION_GET}
   * @return the count since the start or the last {@link #clearRequests()}
   */
  public long served(String operation) {
    LongAdder n = served.get(operation);
    return n == null ? 0 : n.sum();
  }

  /**
   * How many requests for {@code operation} were answered {@code ThrottlingException}: by the token
   * bucket of {@link Builder#throttle(double, int)} or by {@link #throttleNext(int)}.
   *
   * @param operation such as {@code "GetParameters"} or {@value #EXTENSION_GET}
   * @return the count since the start or the last {@link #clearRequests()}
   */
  public long throttled(String operation) {
    LongAdder n = throttled.get(operation);
    return n == null ? 0 : n.sum();
  }

  /** The token bucket of {@link Builder#throttle(double, int)}, or {@code null} if there is none. */
  public TokenBucket throttling() {
    return bucket;
  }

  /** Answers the next {@code count} requests with 400 {@code ThrottlingException}, as SSM does over its rate. */
  public void throttleNext(int count) {
    failNext(count, "ThrottlingException");
  }

  /**
   * Answers the next {@code count} requests with HTTP 400 and this error type (e.g.
   * {@code AccessDeniedException}, {@code InternalServerError}), whatever they ask.
   *
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public void failNext(int count, String errorType) {
    Objects.requireNonNull(errorType, "errorType");
    if (count < 0) {
      throw new IllegalArgumentException("[count] must be zero or more, was " + count);
    }
    synchronized (faults) {
      for (int i = 0; i < count; i++) {
        faults.add(new Fault(errorType));
      }
    }
  }

  /** Stops the server. Idempotent. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "LocalParameterStore[" + endpoint() + ", " + size() + " parameters]";
  }

  private void handle(HttpExchange exchange) throws IOException {
    if ("GET".equals(exchange.getRequestMethod())) {
      handleExtension(exchange);
      return;
    }
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
      JsonNode body;
      try {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
      } catch (IOException e) {
        record(operation, JSON.createObjectNode(), 400, "SerializationException");
        send(exchange, 400, error("SerializationException", "The request body is not JSON"));
        return;
      }
      Fault fault = nextFault();
      if (fault != null) {
        record(operation, body, 400, fault.errorType);
        count(fault.errorType.equals(THROTTLING) ? throttled : null, operation);
        send(exchange, 400, error(fault.errorType, "Injected fault: " + fault.errorType));
        return;
      }
      if (READS.contains(operation) && bucket != null && !bucket.tryAcquire()) {
        record(operation, body, 400, THROTTLING);
        count(throttled, operation);
        send(exchange, 400, error(THROTTLING, "Rate exceeded"));
        return;
      }
      count(served, operation);
      Answer answer = answer(operation, body);
      record(
          operation,
          body,
          answer.status,
          answer.status == 200 ? null : answer.body.path("__type").asText());
      send(exchange, answer.status, answer.body);
    }
  }

  private void handleExtension(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String name = query.getOrDefault("name", "");
      boolean decrypt = Boolean.parseBoolean(query.getOrDefault("withDecryption", "false"));
      if (!EXTENSION_PATH.equals(exchange.getRequestURI().getPath())) {
        record(EXTENSION_GET, name, decrypt, 404, "NotFound");
        send(exchange, 404, error("NotFound", "unknown path"));
        return;
      }
      String token = exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token");
      if (token == null || token.isEmpty()) {
        record(EXTENSION_GET, name, decrypt, 401, "Unauthorized");
        send(exchange, 401, error("Unauthorized", "missing X-Aws-Parameters-Secrets-Token"));
        return;
      }
      Fault fault = nextFault();
      if (fault != null) {
        record(EXTENSION_GET, name, decrypt, 400, fault.errorType);
        count(fault.errorType.equals(THROTTLING) ? throttled : null, EXTENSION_GET);
        send(exchange, 400, error(fault.errorType, "Injected fault: " + fault.errorType));
        return;
      }
      if (bucket != null && !bucket.tryAcquire()) {
        record(EXTENSION_GET, name, decrypt, 400, THROTTLING);
        count(throttled, EXTENSION_GET);
        send(exchange, 400, error(THROTTLING, "Rate exceeded"));
        return;
      }
      count(served, EXTENSION_GET);
      ObjectNode body = JSON.createObjectNode();
      body.put("Name", name);
      body.put("WithDecryption", decrypt);
      Answer answer = getParameter(body);
      record(
          EXTENSION_GET,
          name,
          decrypt,
          answer.status,
          answer.status == 200 ? null : answer.body.path("__type").asText());
      send(exchange, answer.status, answer.body);
    }
  }

  private void record(
      String operation, String name, boolean decrypt, int status, String errorType) {
    requests.add(new SsmRequest(operation, List.of(name), null, null, decrypt, status, errorType));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new java.util.HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          java.net.URLDecoder.decode(k, StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void count(Map<String, LongAdder> counts, String operation) {
    if (counts != null) {
      counts.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }
  }

  private Fault nextFault() {
    synchronized (faults) {
      return faults.isEmpty() ? null : faults.remove(0);
    }
  }

  private void record(String operation, JsonNode body, int status, String errorType) {
    List<String> names = new ArrayList<>();
    if (body.hasNonNull("Name")) {
      names.add(body.get("Name").asText());
    }
    body.path("Names").forEach(n -> names.add(n.asText()));
    requests.add(
        new SsmRequest(
            operation,
            names,
            body.hasNonNull("Path") ? body.get("Path").asText() : null,
            body.hasNonNull("NextToken") ? body.get("NextToken").asText() : null,
            body.path("WithDecryption").asBoolean(false),
            status,
            errorType));
  }

  private Answer answer(String operation, JsonNode body) {
    switch (operation) {
      case "GetParameter":
        return getParameter(body);
      case "GetParameters":
        return getParameters(body);
      case "GetParametersByPath":
        return getParametersByPath(body);
      case "PutParameter":
        return putParameter(body);
      case "DeleteParameter":
        return deleteParameter(body);
      default:
        return new Answer(
            400,
            error(
                "UnknownOperationException",
                "[" + operation + "] is not supported by LocalParameterStore"));
    }
  }

  private Answer getParameter(JsonNode body) {
    String name = body.path("Name").asText("");
    Stored p = lookup(name);
    if (p == null) {
      return new Answer(400, error("ParameterNotFound", "Parameter " + name + " not found."));
    }
    ObjectNode out = JSON.createObjectNode();
    out.set("Parameter", p.toJson(body.path("WithDecryption").asBoolean(false)));
    return new Answer(200, out);
  }

  private Answer getParameters(JsonNode body) {
    JsonNode names = body.path("Names");
    if (names.size() == 0 || names.size() > MAX_BATCH) {
      return new Answer(
          400,
          error(
              "ValidationException",
              "1 validation error detected: Value at 'names' "
                  + "failed to satisfy constraint: Member must have length between 1 and "
                  + MAX_BATCH));
    }
    boolean decrypt = body.path("WithDecryption").asBoolean(false);
    ObjectNode out = JSON.createObjectNode();
    ArrayNode found = out.putArray("Parameters");
    ArrayNode invalid = out.putArray("InvalidParameters");
    for (JsonNode n : names) {
      Stored p = lookup(n.asText());
      if (p == null) {
        invalid.add(n.asText());
      } else {
        found.add(p.toJson(decrypt));
      }
    }
    return new Answer(200, out);
  }

  private Answer getParametersByPath(JsonNode body) {
    String path = body.path("Path").asText("");
    if (!path.startsWith("/")) {
      return new Answer(
          400,
          error("ValidationException", "The parameter path must begin with a forward slash (/)."));
    }
    int max = body.hasNonNull("MaxResults") ? body.get("MaxResults").asInt() : pageSize;
    if (max < 1 || max > MAX_BATCH) {
      return new Answer(
          400,
          error(
              "ValidationException",
              "1 validation error detected: Value at 'maxResults' "
                  + "failed to satisfy constraint: Member must have value between 1 and "
                  + MAX_BATCH));
    }
    int offset = 0;
    if (body.hasNonNull("NextToken")) {
      offset = decodeToken(body.get("NextToken").asText());
      if (offset < 0) {
        return new Answer(400, error("InvalidNextToken", "The specified token is not valid."));
      }
    }
    boolean recursive = body.path("Recursive").asBoolean(false);
    String prefix = path.endsWith("/") ? path : path + "/";
    List<Stored> matching = new ArrayList<>();
    synchronized (parameters) {
      for (Stored p : parameters.tailMap(prefix, true).values()) {
        if (!p.name.startsWith(prefix)) {
          break;
        }
        if (recursive || p.name.indexOf('/', prefix.length()) < 0) {
          matching.add(p);
        }
      }
    }
    boolean decrypt = body.path("WithDecryption").asBoolean(false);
    ObjectNode out = JSON.createObjectNode();
    ArrayNode page = out.putArray("Parameters");
    int end = Math.min(matching.size(), offset + max);
    for (int i = offset; i < end; i++) {
      page.add(matching.get(i).toJson(decrypt));
    }
    if (end < matching.size()) {
      out.put("NextToken", encodeToken(end));
    }
    return new Answer(200, out);
  }

  private Answer putParameter(JsonNode body) {
    String name = body.path("Name").asText("");
    String value = body.path("Value").asText("");
    ParameterType type;
    try {
      type = ParameterType.fromWireName(body.path("Type").asText("String"));
    } catch (IllegalArgumentException e) {
      return new Answer(400, error("UnsupportedParameterType", e.getMessage()));
    }
    if (name.isEmpty() || value.isEmpty()) {
      return new Answer(400, error("ValidationException", "Name and Value must not be empty."));
    }
    long version;
    synchronized (parameters) {
      Stored old = parameters.get(name);
      if (old != null && !body.path("Overwrite").asBoolean(false)) {
        return new Answer(400, error("ParameterAlreadyExists", "The parameter already exists."));
      }
      version = old == null ? 1 : old.version + 1;
      parameters.put(name, new Stored(name, value, type, version, clock.millis()));
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("Version", version);
    out.put("Tier", "Standard");
    return new Answer(200, out);
  }

  private Answer deleteParameter(JsonNode body) {
    String name = body.path("Name").asText("");
    synchronized (parameters) {
      if (parameters.remove(name) == null) {
        return new Answer(400, error("ParameterNotFound", "Parameter " + name + " not found."));
      }
    }
    return new Answer(200, JSON.createObjectNode());
  }

  private Stored lookup(String name) {
    synchronized (parameters) {
      return parameters.get(name);
    }
  }

  private static String encodeToken(int offset) {
    return Base64.getEncoder()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decodeToken(String token) {
    try {
      String s = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      return s.startsWith("offset:") ? Integer.parseInt(s.substring(7)) : -1;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  private static ObjectNode error(String type, String message) {
    ObjectNode e = JSON.createObjectNode();
    e.put("__type", type);
    e.put("message", message);
    return e;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    if (status != 200) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", body.path("__type").asText());
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private record Answer(int status, JsonNode body) {}

  private record Fault(String errorType) {}

  private final class Stored {
    final String name;
    final String value;
    final ParameterType type;
    final long version;
    final long modifiedMillis;

    Stored(String name, String value, ParameterType type, long version, long modifiedMillis) {
      this.name = name;
      this.value = value;
      this.type = type;
      this.version = version;
      this.modifiedMillis = modifiedMillis;
    }

    ObjectNode toJson(boolean decrypt) {
      ObjectNode p = JSON.createObjectNode();
      p.put("Name", name);
      p.put("Type", type.wireName());
      p.put("Value", type == ParameterType.SECURE_STRING && !decrypt ? ciphertext() : value);
      p.put("Version", version);
      p.put("LastModifiedDate", modifiedMillis / 1000.0);
      p.put(
          "ARN",
          "arn:aws:ssm:"
              + region
              + ":"
              + ACCOUNT
              + ":parameter"
              + (name.startsWith("/") ? "" : "/")
              + name);
      p.put("DataType", "text");
      return p;
    }

    private String ciphertext() {
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest((name + "#" + version).getBytes(StandardCharsets.UTF_8));
        return "AQICAH" + Base64.getEncoder().encodeToString(digest);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Configures a {@link LocalParameterStore}. Not thread-safe. */
  public static final class Builder {
    private int pageSize = MAX_BATCH;
    private Clock clock = Clock.systemUTC();
    private String region = "us-east-1";
    private double rate;
    private int burst;

    private Builder() {}

    /**
     * Throttles reads with a token bucket, as SSM does per account and region: {@code
     * ratePerSecond} calls a second on average, {@code burst} at once. SSM's default is 40 and 40
     * (shared by {@code GetParameter}, {@code GetParameters} and {@code GetParametersByPath}); its
     * higher-throughput setting allows up to 100 {@code GetParametersByPath} and 3,000 {@code
     * GetParameter(s)} a second. The bucket reads {@link #clock(Clock) the clock}. Default: no
     * throttling.
     *
     * @param ratePerSecond tokens a second; positive
     * @param burst the bucket's size, and its initial tokens; at least 1
     * @return this builder
     */
    public Builder throttle(double ratePerSecond, int burst) {
      if (!(ratePerSecond > 0) || burst < 1) {
        throw new IllegalArgumentException(
            "[throttle] needs a positive rate and a burst of 1 or more, was "
                + ratePerSecond
                + " and "
                + burst);
      }
      this.rate = ratePerSecond;
      this.burst = burst;
      return this;
    }

    /** The page size of {@code GetParametersByPath} when the request gives no {@code MaxResults}: 1 to 10, default 10. */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Where {@code LastModifiedDate} and the {@link #throttle(double, int) token bucket} read time
     * from; default the system UTC clock.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The region written into parameter ARNs; default {@code us-east-1}. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * Starts the store on an ephemeral loopback port.
     *
     * @throws IllegalArgumentException if the page size is not between 1 and 10
     * @throws UncheckedIOException if it cannot listen
     */
    public LocalParameterStore start() {
      if (pageSize < 1 || pageSize > MAX_BATCH) {
        throw new IllegalArgumentException(
            "[pageSize] must be between 1 and " + MAX_BATCH + ", was " + pageSize);
      }
      try {
        return new LocalParameterStore(this);
      } catch (IOException e) {
        throw new UncheckedIOException("[LocalParameterStore] could not listen on 127.0.0.1", e);
      }
    }
  }
}
