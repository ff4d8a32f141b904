package dev.lamina.core.http;

import dev.lamina.core.internal.http.ProblemJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An HTTP error answer as RFC 9457 problem details: a status, a problem {@code type} URI ({@code
 * about:blank} unless set), a {@code title}, a {@code detail} for this occurrence, an optional
 * {@code instance} URI and extension members (such as {@code errors}), plus the response headers
 * that go with it (such as {@code Retry-After}). Rendered as one {@code application/problem+json}
 * document by {@link #toJson()}. Immutable and thread-safe.
 *
 * <p>With the default type {@code about:blank} the title defaults to the status's reason phrase
 * ({@code Conflict} for 409), as RFC 9457 recommends. Details are shown to the caller: they must
 * say what is wrong with the request without repeating its values (no body, header or key
 * values).
 *
 * <pre>{@code
 * Problem problem = Problem.builder(409)
 *     .detail("The order is already being shipped")
 *     .header("Retry-After", "5")
 *     .extension("orderState", "SHIPPING")
 *     .build();
 * }</pre>
 */
public final class Problem {
  /** The media type of a rendered problem, {@value}. */
  public static final String CONTENT_TYPE = "application/problem+json";

  /** The default problem type, {@code about:blank}: the status says it all. */
  public static final URI ABOUT_BLANK = URI.create("about:blank");

  private static final Set<String> MEMBERS =
      Set.of("type", "title", "status", "detail", "instance");

  private final int status;
  private final URI type;
  private final String title;
  private final String detail;
  private final URI instance;
  private final Map<String, Object> extensions;
  private final Map<String, String> headers;

  private Problem(Builder b) {
    this.status = b.status;
    this.type = b.type;
    this.title = b.title != null ? b.title : (ABOUT_BLANK.equals(b.type) ? reason(b.status) : null);
    this.detail = b.detail;
    this.instance = b.instance;
    this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
  }

  /**
   * Starts a problem with the given HTTP status.
   *
   * @param status the HTTP status, 400 to 599
   * @return a builder
   * @throws IllegalArgumentException if the status is not a client or server error
   */
  public static Builder builder(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException(
          "[status] of a problem must be an error status, 400 to 599, was " + status);
    }
    return new Builder(status);
  }

  /**
   * A problem with a status and a detail, of type {@code about:blank}.
   *
   * @param status the HTTP status, 400 to 599
   * @param detail what is wrong with this request, without its values; may be {@code null}
   * @return the problem
   * @throws IllegalArgumentException if the status is not a client or server error
   */
  public static Problem of(int status, String detail) {
    return builder(status).detail(detail).build();
  }

  /** The HTTP status, 400 to 599. */
  public int status() {
    return status;
  }

  /** The problem type; {@link #ABOUT_BLANK} unless set. Never {@code null}. */
  public URI type() {
    return type;
  }

  /**
   * The short summary of the problem type; for {@code about:blank} the status's reason phrase
   * unless set.
   *
   * @return the title; {@code null} if none was set and the type is not {@code about:blank}
   */
  public String title() {
    return title;
  }

  /** What is wrong with this occurrence; may be {@code null}. */
  public String detail() {
    return detail;
  }

  /** A URI for this occurrence; may be {@code null}. */
  public URI instance() {
    return instance;
  }

  /** The extension members, in the order added; unmodifiable, never {@code null}. */
  public Map<String, Object> extensions() {
    return extensions;
  }

  /**
   * The response headers that go with the problem (not {@code Content-Type}, which is always
   * {@value #CONTENT_TYPE}), in the order added; unmodifiable, never {@code null}.
   *
   * @return the headers by name
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * The problem as one {@code application/problem+json} document: {@code type}, {@code title},
   * {@code status}, {@code detail} and {@code instance} (where set), then the extension members.
   *
   * @return the JSON document; never {@code null}
   */
  public String toJson() {
    return ProblemJson.write(this);
  }

  /**
   * The reason phrase of an HTTP error status ({@code Conflict} for 409), for titles and ALB's
   * {@code statusDescription}.
   *
   * @param status an HTTP status
   * @return the phrase; {@code Client Error} or {@code Server Error} for statuses without a
   *     registered phrase
   */
  public static String reason(int status) {
    switch (status) {
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 402:
        return "Payment Required";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 405:
        return "Method Not Allowed";
      case 406:
        return "Not Acceptable";
      case 408:
        return "Request Timeout";
      case 409:
        return "Conflict";
      case 410:
        return "Gone";
      case 411:
        return "Length Required";
      case 412:
        return "Precondition Failed";
      case 413:
        return "Content Too Large";
      case 415:
        return "Unsupported Media Type";
      case 422:
        return "Unprocessable Content";
      case 425:
        return "Too Early";
      case 428:
        return "Precondition Required";
      case 429:
        return "Too Many Requests";
      case 500:
        return "Internal Server Error";
      case 501:
        return "Not Implemented";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      case 504:
        return "Gateway Timeout";
      default:
        return status < 500 ? "Client Error" : "Server Error";
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Problem p
        && status == p.status
        && type.equals(p.type)
        && Objects.equals(title, p.title)
        && Objects.equals(detail, p.detail)
        && Objects.equals(instance, p.instance)
        && extensions.equals(p.extensions)
        && headers.equals(p.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, type, title, detail, instance, extensions, headers);
  }

  @Override
  public String toString() {
    return "Problem[" + status + " " + title + ": " + detail + "]";
  }

  /** Builds a {@link Problem}. Not thread-safe. */
  public static final class Builder {
    private final int status;
    private URI type = ABOUT_BLANK;
    private String title;
    private String detail;
    private URI instance;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder(int status) {
      this.status = status;
    }

    /**
     * Sets the problem type.
     *
     * @param type a URI identifying the problem type; not {@code null}
     * @return this builder
     */
    public Builder type(URI type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * Sets the title, a short summary of the problem type that does not change between
     * occurrences.
     *
     * @param title the title; {@code null} for the default
     * @return this builder
     */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /**
     * Sets the detail: what is wrong with this occurrence, without the request's values.
     *
     * @param detail the detail; may be {@code null}
     * @return this builder
     */
    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    /**
     * Sets the URI of this occurrence.
     *
     * @param instance the URI; may be {@code null}
     * @return this builder
     */
    public Builder instance(URI instance) {
      this.instance = instance;
      return this;
    }

    /**
     * Adds an extension member, such as {@code errors}. Values are copied: text, numbers,
     * booleans, {@code null}, and lists and string-keyed maps of those.
     *
     * @param name the member name; not one of the standard members ({@code type}, {@code title},
     *     {@code status}, {@code detail}, {@code instance})
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the name is a standard member or blank, or the value
     *     is of another type
     */
    public Builder extension(String name, Object value) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank() || MEMBERS.contains(name)) {
        throw new IllegalArgumentException(
            "[" + name + "] cannot be an extension member: it is blank or a standard member");
      }
      extensions.put(name, copy(name, value));
      return this;
    }

    /**
     * Adds a response header, such as {@code Retry-After}.
     *
     * @param name the header name; not {@code Content-Type}
     * @param value the header value; not {@code null}
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or {@code Content-Type}
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isBlank() || name.toLowerCase(Locale.ROOT).equals("content-type")) {
        throw new IllegalArgumentException(
            "["
                + name
                + "] cannot be a problem header: the content type is always "
                + CONTENT_TYPE);
      }
      headers.put(name, value);
      return this;
    }

    /**
     * Builds the problem.
     *
     * @return the problem; never {@code null}
     */
    public Problem build() {
      return new Problem(this);
    }

    private static Object copy(String name, Object value) {
      if (value == null
          || value instanceof String
          || value instanceof Boolean
          || value instanceof Integer
          || value instanceof Long
          || value instanceof Short
          || value instanceof Byte
          || value instanceof Double
          || value instanceof Float
          || value instanceof BigDecimal
          || value instanceof BigInteger) {
        return value;
      }
      if (value instanceof Collection<?> items) {
        List<Object> copied = new ArrayList<>(items.size());
        for (Object item : items) {
          copied.add(copy(name, item));
        }
        return Collections.unmodifiableList(copied);
      }
      if (value instanceof Map<?, ?> members) {
        Map<String, Object> copied = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : members.entrySet()) {
          if (!(e.getKey() instanceof String key)) {
            throw new IllegalArgumentException(
                "Extension member [" + name + "] has a map with a key that is not text");
          }
          copied.put(key, copy(name, e.getValue()));
        }
        return Collections.unmodifiableMap(copied);
      }
      throw new IllegalArgumentException(
          "Extension member ["
              + name
              + "] holds a ["
              + value.getClass().getName()
              + "]; use text, numbers, booleans, null, lists and maps of those");
    }
  }
}
