package dev.lamina.config.internal;

import dev.lamina.config.ParameterSource;
import dev.lamina.config.ParameterValue;
import dev.lamina.core.codec.PayloadCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads parameters one by one from the Parameters and Secrets Lambda Extension over
 * {@link HttpURLConnection} (already part of the JDK's start-up cost; no SDK, no extra client).
 * The extension passes SSM's throttling on when its cache misses: an answer of 429, a 5xx, or a
 * 400 naming {@code ThrottlingException}, and a read that times out, are retried by a {@link
 * Retrier} within the load's budget, like the SDK path.
 */
public final class ExtensionParameterSource implements ParameterSource {
  private static final String TOKEN_HEADER = "X-Aws-Parameters-Secrets-Token";
  // The same bounds as the SDK path's (SsmClients), so a call started just before the budget's
  // end cannot carry loading past Lambda's init limit; a read that times out is retried.
  private static final int CONNECT_TIMEOUT_MILLIS = 500;
  private static final int READ_TIMEOUT_MILLIS = 1_000;

  private final String base;
  private final String token;
  private final PayloadCodec codec;
  private final Retrier retrier;

  /**
   * @param base {@code http://localhost:<port>}
   * @param token the session token the extension checks
   * @param codec reads the JSON answers
   */
  public ExtensionParameterSource(String base, String token, PayloadCodec codec) {
    this(base, token, codec, Retrier.system(ConfigDefaults.INIT_BUDGET));
  }

  /**
   * @param base {@code http://localhost:<port>}
   * @param token the session token the extension checks
   * @param codec reads the JSON answers
   * @param retrier retries throttled and transient answers within its budget
   */
  public ExtensionParameterSource(String base, String token, PayloadCodec codec, Retrier retrier) {
    this.base = base;
    this.token = token;
    this.codec = codec;
    this.retrier = retrier;
  }

  /** A throttled or transient answer of the extension: worth a retry. */
  private static final class RetryableAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Retrier.Kind kind;

    RetryableAnswer(String message, Retrier.Kind kind, Throwable cause) {
      super(message, cause);
      this.kind = kind;
    }
  }

  private static Retrier.Kind classify(RuntimeException e) {
    return e instanceof RetryableAnswer ? ((RetryableAnswer) e).kind : Retrier.Kind.FATAL;
  }

  @Override
  public boolean readsPaths() {
    return false;
  }

  @Override
  public List<ParameterValue> fetch(Set<String> names, Set<String> paths) {
    if (!paths.isEmpty()) {
      throw new IllegalArgumentException(
          "The Parameters and Secrets extension reads names, not" + " paths " + paths);
    }
    Retrier.Run run =
        retrier.start(
            "The Parameters and Secrets extension (SSM Parameter Store)",
            names.size() + " names through the extension",
            ExtensionParameterSource::classify);
    List<ParameterValue> out = new ArrayList<>();
    for (String name : new TreeSet<>(names)) {
      ParameterValue p = run.call(() -> get(name));
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  private ParameterValue get(String name) {
    URI uri =
        URI.create(
            base
                + "/systemsmanager/parameters/get?withDecryption=true&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8));
    try {
      HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
      c.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
      c.setReadTimeout(READ_TIMEOUT_MILLIS);
      c.setRequestProperty(TOKEN_HEADER, token);
      int status = c.getResponseCode();
      if (status == 200) {
        try (InputStream in = c.getInputStream()) {
          // A Map, not a JsonNode: it reads through the codec's jackson-jr engine, so this source
          // never loads jackson-databind (about 650 classes of cold start).
          Map<?, ?> doc = codec.read(in, Map.class);
          Map<?, ?> p =
              doc != null && doc.get("Parameter") instanceof Map
                  ? (Map<?, ?>) doc.get("Parameter")
                  : Map.of();
          Object value = p.get("Value");
          return new ParameterValue(
              p.get("Name") instanceof String ? (String) p.get("Name") : name,
              value == null ? "" : value.toString(),
              "SecureString".equals(p.get("Type")));
        }
      }
      String error = drain(c.getErrorStream());
      if (status == 404 || (status == 400 && error.contains("ParameterNotFound"))) {
        return null;
      }
      if (status == 429 || (status == 400 && error.contains("ThrottlingException"))) {
        throw new RetryableAnswer(
            "The Parameters and Secrets extension answered HTTP " + status + " (throttled)",
            Retrier.Kind.THROTTLED,
            null);
      }
      if (status >= 500) {
        throw new RetryableAnswer(
            "The Parameters and Secrets extension answered HTTP " + status,
            Retrier.Kind.TRANSIENT,
            null);
      }
      throw new IllegalStateException(
          "The Parameters and Secrets extension answered HTTP "
              + status
              + " for ["
              + name
              + "]"
              + (status == 401
                  ? ": it rejected the session token"
                  : ": check its log lines and the function's ssm:GetParameter (and kms:Decrypt)"
                      + " permissions"));
    } catch (java.net.SocketTimeoutException e) {
      throw new RetryableAnswer(
          "The Parameters and Secrets extension did not answer in time for [" + name + "]",
          Retrier.Kind.TRANSIENT,
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The Parameters and Secrets extension at ["
              + base
              + "] could not be reached for ["
              + name
              + "]: is its layer attached?",
          e);
    }
  }

  private static String drain(InputStream in) throws IOException {
    if (in == null) {
      return "";
    }
    try (in) {
      byte[] bytes = in.readNBytes(4_096);
      // Only the error type is looked for; the text is never logged or put in a message.
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  @Override
  public String toString() {
    return "ExtensionParameterSource[" + base + "]";
  }
}
