package dev.lamina.idempotency.internal;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lamina.core.internal.EnvironmentReader;
import dev.lamina.idempotency.IdempotencyConfig;
import dev.lamina.idempotency.IdempotencyException;
import dev.lamina.idempotency.KeyExtractors;
import dev.lamina.idempotency.MissingKeyPolicy;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;

/** The proxy handler's environment variables, read and validated all at once. */
public final class ProxySettings {
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
  private final IdempotencyConfig config;

  private ProxySettings(String handlerClass, IdempotencyConfig config) {
    this.handlerClass = handlerClass;
    this.config = config;
  }

  /**
   * Reads and validates every setting, and the DynamoDB store's variables, adding each problem to
   * the reader, before anything is loaded or created.
   *
   * @return the settings, usable only if the reader has no problem
   */
  public static ProxySettings read(EnvironmentReader env) {
    String handler = env.get(HANDLER, DEPRECATED_HANDLER);
    String className = null;
    if (handler == null) {
      env.problem(
          "["
              + HANDLER
              + "] is required: the original handler, such as"
              + " com.example.Handler::handleRequest");
    } else {
      int sep = handler.indexOf("::");
      className = (sep < 0 ? handler : handler.substring(0, sep)).trim();
      String method = sep < 0 ? "handleRequest" : handler.substring(sep + 2).trim();
      if (!method.equals("handleRequest")) {
        env.problem(
            "["
                + HANDLER
                + "] names method ["
                + method
                + "]: only handlers implementing"
                + " RequestHandler or RequestStreamHandler (method handleRequest) are supported");
      }
    }
    IdempotencyConfig.Builder config = IdempotencyConfig.custom();
    try {
      config.key(KeyExtractors.parse(env.get(KEY)));
    } catch (IllegalArgumentException e) {
      env.problem("[" + KEY + "] " + e.getMessage());
    }
    MissingKeyPolicy missing = env.oneOf(MISSING_KEY, MissingKeyPolicy.class);
    if (missing != null) {
      config.missingKey(missing);
    }
    Long expiry = env.wholeNumber(EXPIRY);
    if (expiry != null) {
      config.expiry(Duration.ofSeconds(expiry));
    }
    Long margin = env.wholeNumber(MARGIN);
    if (margin != null) {
      config.inProgressMargin(Duration.ofMillis(margin));
    }
    Long wait = env.wholeNumber(WAIT);
    if (wait != null) {
      config.waitForInProgress(Duration.ofMillis(wait));
    }
    Long minRun = env.wholeNumber(MIN_RUN);
    if (minRun != null) {
      config.minimumRunTime(Duration.ofMillis(minRun));
    }
    Boolean scope = env.bool(SCOPE_TO_CALLER);
    if (scope != null) {
      config.scopeToCaller(scope);
    }
    Long cache = env.wholeNumber(CACHE);
    if (cache != null) {
      config.localCacheSize((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, cache)));
    }
    String validate = env.get(VALIDATE);
    if (validate != null) {
      if (validate.equalsIgnoreCase("false")) {
        config.noPayloadValidation();
      } else if (validate.startsWith("/")) {
        config.validatePath(validate);
      } else if (!validate.equalsIgnoreCase("true")) {
        env.problem(
            "["
                + VALIDATE
                + "] must be true, false or a path such as /body, was ["
                + validate
                + "]");
      }
    }
    IdempotencyConfig built = null;
    try {
      built = config.build();
    } catch (IllegalArgumentException e) {
      env.problem(e.getMessage());
    }
    DynamoDbClients.read(env, null);
    return new ProxySettings(className, built);
  }

  /** The validated configuration; its store is created from the environment at init. */
  public IdempotencyConfig config() {
    return config;
  }

  /** Loads and creates the original handler. */
  public Object instantiateHandler(ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(handlerClass, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IdempotencyException(
          "Original handler class ["
              + handlerClass
              + "] named by ["
              + HANDLER
              + "] is not on the class path: check the name and that the function's jar is"
              + " deployed",
          e);
    }
    if (!RequestHandler.class.isAssignableFrom(type)
        && !RequestStreamHandler.class.isAssignableFrom(type)) {
      throw new IdempotencyException(
          "Original handler class ["
              + handlerClass
              + "] implements"
              + " neither RequestHandler nor RequestStreamHandler; the proxy supports only those");
    }
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new IdempotencyException(
          "Original handler class ["
              + handlerClass
              + "] cannot be created: it needs a public no-arg constructor",
          e);
    } catch (InvocationTargetException e) {
      throw new IdempotencyException(
          "Original handler class [" + handlerClass + "] threw in its constructor", e.getCause());
    }
  }
}
