package dev.lamina.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.idempotency.internal.JsonPointerPath;
import dev.lamina.idempotency.internal.PathKey;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in {@link KeyExtractor}s. All are immutable and thread-safe.
 *
 * <h2>Path expressions</h2>
 *
 * {@link #path(String)} takes a JSON-pointer-like path into the input as JSON: {@code /} separated
 * property names or array indexes, {@code ~1} for a {@code /} and {@code ~0} for a {@code ~} in a
 * name. Two rules go beyond JSON pointer: when a step meets a <em>string</em> that holds a JSON
 * object or array (API Gateway's {@code body}, an SQS message body), it is parsed and the path
 * continues inside it; and a {@code body} whose sibling {@code isBase64Encoded} is {@code true} is
 * base64-decoded first, so a base64 body gives the same key as the plain one. A string or number
 * found at the end is the key as text; an object or array becomes its canonical JSON (properties
 * sorted), so a reordered key object is the same key.
 *
 * <p>A path into {@code /Records/<n>} of an event that carries several records would key a whole
 * batch by one record, while a redelivered message arrives in another batch: it is rejected (at
 * init for {@code SQSEvent}, {@code KinesisEvent}, {@code DynamodbEvent} and {@code KafkaEvent}
 * inputs, when such an event arrives otherwise). Use framework-batch's per-record idempotency.
 *
 * <pre>{@code
 * KeyExtractors.path("/body/orderId")          // API Gateway event, JSON body
 * KeyExtractors.path("/detail/orderId")        // EventBridge event
 * KeyExtractors.header("Idempotency-Key")      // HTTP header, any case
 * }</pre>
 */
public final class KeyExtractors {
  /** The conventional HTTP header for client-chosen idempotency keys. */
  public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

  private KeyExtractors() {}

  /**
   * An extractor from its text form, as {@code @Idempotent(key = ..)} and the {@code
   * LAMINA_IDEMPOTENCY_KEY} variable take it: empty or {@code requestId} for {@link #requestId()},
   * {@code header:Name} for {@link #header(String)}, a path starting with {@code /} for {@link
   * #path(String)}.
   *
   * @param spec the text form; {@code null} counts as empty
   * @return the extractor
   * @throws IllegalArgumentException naming the spec if it is none of these
   */
  public static KeyExtractor parse(String spec) {
    String s = spec == null ? "" : spec.trim();
    if (s.isEmpty() || s.equals("requestId")) {
      return requestId();
    }
    if (s.regionMatches(true, 0, "header:", 0, 7)) {
      return header(s.substring(7).trim());
    }
    if (s.startsWith("/")) {
      return path(s);
    }
    throw new IllegalArgumentException(
        "Key ["
            + s
            + "] is not a key expression: use requestId,"
            + " header:<Name> or a path such as /body/orderId");
  }

  /**
   * The Lambda request id, which Lambda reuses when it retries an asynchronous invocation. The
   * default.
   */
  public static KeyExtractor requestId() {
    return REQUEST_ID;
  }

  private static final KeyExtractor REQUEST_ID =
      new Named("requestId()", source -> source.invocation().requestId());

  /**
   * A value found by a path into the input's JSON (see the class description).
   *
   * @param path such as {@code /body/orderId}; must start with {@code /}
   * @return the extractor
   * @throws IllegalArgumentException if the path is malformed
   */
  public static KeyExtractor path(String path) {
    return new PathKey(JsonPointerPath.compile(path));
  }

  /**
   * An HTTP request header, matched ignoring case, from the {@code headers} (or, failing that,
   * {@code multiValueHeaders}, first value) of an API Gateway (REST or HTTP API), ALB or function
   * URL event.
   *
   * @param name the header name, such as {@value #IDEMPOTENCY_KEY_HEADER}
   * @return the extractor
   */
  public static KeyExtractor header(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("[header] name must not be blank");
    }
    String wanted = name.toLowerCase(Locale.ROOT);
    return new Named(
        "header(" + name + ")",
        source -> {
          JsonNode json = source.json();
          String single = headerIn(json.path("headers"), wanted);
          if (single != null) {
            return single;
          }
          JsonNode multi = findHeader(json.path("multiValueHeaders"), wanted);
          return multi != null && multi.isArray() && multi.size() > 0 && multi.get(0).isValueNode()
              ? multi.get(0).asText()
              : null;
        });
  }

  /** The {@value #IDEMPOTENCY_KEY_HEADER} HTTP header; see {@link #header(String)}. */
  public static KeyExtractor idempotencyKeyHeader() {
    return header(IDEMPOTENCY_KEY_HEADER);
  }

  private static String headerIn(JsonNode headers, String wanted) {
    JsonNode value = findHeader(headers, wanted);
    return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  private static JsonNode findHeader(JsonNode headers, String wanted) {
    if (!headers.isObject()) {
      return null;
    }
    for (Map.Entry<String, JsonNode> e : headers.properties()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** An extractor with a description for messages. */
  private static final class Named implements KeyExtractor {
    private final String description;
    private final KeyExtractor delegate;

    Named(String description, KeyExtractor delegate) {
      this.description = description;
      this.delegate = delegate;
    }

    @Override
    public String keyOf(KeySource source) {
      return delegate.keyOf(source);
    }

    @Override
    public String toString() {
      return description;
    }
  }
}
