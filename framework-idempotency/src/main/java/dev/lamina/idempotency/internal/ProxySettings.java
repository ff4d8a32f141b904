package dev.lamina.idempotency.internal;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lamina.idempotency.IdempotencyConfig;
import dev.lamina.idempotency.IdempotencyException;
import dev.lamina.idempotency.IdempotencyStore;
import dev.lamina.idempotency.KeyExtractor;
import dev.lamina.idempotency.KeyExtractors;
import dev.lamina.idempotency.MissingKeyPolicy;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The proxy handler's environment variables, read and validated all at once. */
public final class ProxySettings {
  private static final Logger log = LoggerFactory.getLogger(ProxySettings.class);
  public static final String HANDLER = "LAMINA_IDEMPOTENCY_HANDLER";
  /** The name {@link #HANDLER} had before 0.1: still read, with a warning, when the new one is unset. */
  public static final String DEPRECATED_HANDLER = "LAMINA_IDEMPOTENT_HANDLER";
  public static final String KEY = "LAMINA_IDEMPOTENCY_KEY";
  public static final String MISSING_KEY = "LAMINA_IDEMPOTENCY_MISSING_KEY";
  public static final String EXPIRY = "LAMINA_IDEMPOTENCY_EXPIRY_SECONDS";
  public static final String MARGIN = "LAMINA_IDEMPOTENCY_IN_PROGRESS_MARGIN_MILLIS";
  public static final String WAIT = "LAMINA_IDEMPOTENCY_WAIT_MILLIS";
  public static final String VALIDATE = "LAMINA_IDEMPOTENCY_VALIDATE";
  public static final String CACHE = "LAMINA_IDEMPOTENCY_CACHE_SIZE";
  public static final String MIN_RUN = "LAMINA_IDEMPOTENCY_MIN_RUN_MILLIS";
  public static final String SCOPE_TO_CALLER = "LAMINA_IDEMPOTENCY_SCOPE_TO_CALLER";

  private final String handlerClass;
  private final IdempotencyConfig.Builder config;

  private ProxySettings(String handlerClass, IdempotencyConfig.Builder config) {
    this.handlerClass = handlerClass;
    this.config = config;
  }

  /**
   * Reads the settings, adding every missing or bad variable to {@code problems}.
   *
   * @return the settings, usable only if no problem was added
   */
  public static ProxySettings read(Map<String, String> env, List<String> problems) {
    String handler = env.get(HANDLER);
    if ((handler == null || handler.isBlank()) && env.get(DEPRECATED_HANDLER) != null) {
      handler = env.get(DEPRECATED_HANDLER);
      log.warn("[{}] is deprecated: rename it to [{}]; the old name will stop working in a later"
          + " release", DEPRECATED_HANDLER, HANDLER);
    }
    String className = null;
    if (handler == null || handler.isBlank()) {
      problems.add("[" + HANDLER + "] is required: the original handler, such as"
          + " com.example.Handler::handleRequest");
    } else {
      int sep = handler.indexOf("::");
      className = (sep < 0 ? handler : handler.substring(0, sep)).trim();
      String method = sep < 0 ? "handleRequest" : handler.substring(sep + 2).trim();
      if (!method.equals("handleRequest")) {
        problems.add("[" + HANDLER + "] names method [" + method + "]: only handlers implementing"
            + " RequestHandler or RequestStreamHandler (method handleRequest) are supported");
      }
    }
    IdempotencyConfig.Builder config = IdempotencyConfig.custom();
    try {
      KeyExtractor key = KeyExtractors.parse(env.get(KEY));
      config.key(key);
    } catch (IllegalArgumentException e) {
      problems.add("[" + KEY + "] " + e.getMessage());
    }
    String missing = env.get(MISSING_KEY);
    if (missing != null && !missing.isBlank()) {
      try {
        config.missingKey(MissingKeyPolicy.valueOf(missing.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add("[" + MISSING_KEY + "] must be FAIL or PASS_THROUGH, was [" + missing + "]");
      }
    }
    Long expiry = number(env, EXPIRY, problems);
    if (expiry != null) {
      config.expiry(Duration.ofSeconds(expiry));
    }
    Long margin = number(env, MARGIN, problems);
    if (margin != null) {
      config.inProgressMargin(Duration.ofMillis(margin));
    }
    Long wait = number(env, WAIT, problems);
    if (wait != null) {
      config.waitForInProgress(Duration.ofMillis(wait));
    }
    Long minRun = number(env, MIN_RUN, problems);
    if (minRun != null) {
      config.minimumRunTime(Duration.ofMillis(minRun));
    }
    String scope = env.get(SCOPE_TO_CALLER);
    if (scope != null && !scope.isBlank()) {
      if (scope.trim().equalsIgnoreCase("true") || scope.trim().equalsIgnoreCase("false")) {
        config.scopeToCaller(Boolean.parseBoolean(scope.trim()));
      } else {
        problems.add("[" + SCOPE_TO_CALLER + "] must be true or false, was [" + scope + "]");
      }
    }
    Long cache = number(env, CACHE, problems);
    if (cache != null) {
      config.localCacheSize((int) Math.min(Integer.MAX_VALUE, cache));
    }
    String validate = env.get(VALIDATE);
    if (validate != null && !validate.isBlank()) {
      String v = validate.trim();
      if (v.equalsIgnoreCase("false")) {
        config.noPayloadValidation();
      } else if (v.startsWith("/")) {
        config.validatePath(v);
      } else if (!v.equalsIgnoreCase("true")) {
        problems.add("[" + VALIDATE + "] must be true, false or a path such as /body, was [" + v
            + "]");
      }
    }
    return new ProxySettings(className, config);
  }

  private static Long number(Map<String, String> env, String name, List<String> problems) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      problems.add("[" + name + "] must be a whole number, was [" + value + "]");
      return null;
    }
  }

  /** The configuration with the given store, validated. */
  public IdempotencyConfig config(IdempotencyStore store) {
    try {
      return config.store(store).build();
    } catch (IllegalArgumentException e) {
      throw new IdempotencyException("Idempotent proxy handler cannot start: " + e.getMessage(), e);
    }
  }

  /** Loads and creates the original handler. */
  public Object instantiateHandler(ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(handlerClass, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IdempotencyException("Original handler class [" + handlerClass + "] named by ["
          + HANDLER + "] is not on the class path: check the name and that the function's jar is"
          + " deployed", e);
    }
    if (!RequestHandler.class.isAssignableFrom(type)
        && !RequestStreamHandler.class.isAssignableFrom(type)) {
      throw new IdempotencyException("Original handler class [" + handlerClass + "] implements"
          + " neither RequestHandler nor RequestStreamHandler; the proxy supports only those");
    }
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new IdempotencyException("Original handler class [" + handlerClass
          + "] cannot be created: it needs a public no-arg constructor", e);
    } catch (InvocationTargetException e) {
      throw new IdempotencyException("Original handler class [" + handlerClass
          + "] threw in its constructor", e.getCause());
    }
  }
}
