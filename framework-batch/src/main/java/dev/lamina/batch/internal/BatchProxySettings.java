package dev.lamina.batch.internal;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lamina.batch.BatchConfig;
import dev.lamina.batch.BatchConfigurationException;
import dev.lamina.batch.FifoMode;
import dev.lamina.batch.RecordIdempotency;
import dev.lamina.batch.StreamMode;
import dev.lamina.core.Lamina;
import dev.lamina.core.Resources;
import dev.lamina.core.internal.EnvironmentReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The batch proxy handler's environment variables, read and validated all at once: every missing
 * or bad one, the original handler class and its input type included, goes into one message.
 * Immutable once read.
 */
public final class BatchProxySettings {
  public static final String HANDLER = "LAMINA_BATCH_HANDLER";
  public static final String PARALLELISM = "LAMINA_BATCH_PARALLELISM";
  public static final String FIFO_MODE = "LAMINA_BATCH_FIFO_MODE";
  public static final String STREAM_MODE = "LAMINA_BATCH_STREAM_MODE";
  public static final String TIME_GUARD_MILLIS = "LAMINA_BATCH_TIME_GUARD_MILLIS";
  public static final String NON_RETRYABLE = "LAMINA_BATCH_NON_RETRYABLE";
  public static final String IDEMPOTENT = "LAMINA_BATCH_IDEMPOTENT";

  /** The time guard's margin when {@link #TIME_GUARD_MILLIS} is unset. */
  public static final long DEFAULT_TIME_GUARD_MILLIS = 1_000;

  private static final String PREFIX = "LAMINA_BATCH_";
  private static final Set<String> NAMES =
      Set.of(
          HANDLER,
          PARALLELISM,
          FIFO_MODE,
          STREAM_MODE,
          TIME_GUARD_MILLIS,
          NON_RETRYABLE,
          IDEMPOTENT);
  private static final int MAX_PARALLELISM = 64;

  /** Lambda's longest timeout: a larger margin would stop every batch before it starts. */
  private static final long MAX_TIME_GUARD_MILLIS = 900_000;

  private static final String SUPPORTED =
      "RequestHandler<SQSEvent, ?>,"
          + " RequestHandler<KinesisEvent, ?> or RequestHandler<DynamodbEvent, ?>";
  private static final String IDEMPOTENCY_MARKER = "dev.lamina.idempotency.IdempotencyConfig";

  private final Class<?> handlerClass;
  private final ProxiedEvent event;
  private final BatchConfig config;

  private BatchProxySettings(Class<?> handlerClass, ProxiedEvent event, BatchConfig config) {
    this.handlerClass = handlerClass;
    this.event = event;
    this.config = config;
  }

  /**
   * Reads and validates every setting, and loads (without initialising) the original handler
   * class and the non-retryable exception classes.
   *
   * @param variables the environment variables
   * @param loader loads the function's classes
   * @param resources the proxy's init-once resources (the idempotency store's client)
   * @return the settings
   * @throws BatchConfigurationException listing every problem
   */
  public static BatchProxySettings read(
      Map<String, String> variables, ClassLoader loader, Resources resources) {
    EnvironmentReader env = new EnvironmentReader(variables);
    Set<String> unknown = new TreeSet<>();
    for (String name : variables.keySet()) {
      if (name.startsWith(PREFIX) && !NAMES.contains(name)) {
        unknown.add(name);
      }
    }
    for (String name : unknown) {
      env.problem(
          "["
              + name
              + "] is not a setting of the batch proxy handler, which reads "
              + new TreeSet<>(NAMES)
              + ": check its spelling");
    }
    Class<?> handlerClass = handlerClass(env.get(HANDLER), loader, env);
    ProxiedEvent event = handlerClass == null ? null : event(handlerClass, env);

    BatchConfig.Builder config = BatchConfig.custom();
    Long parallelism =
        env.wholeNumber(
            PARALLELISM, 1, MAX_PARALLELISM, "must be a whole number from 1 to " + MAX_PARALLELISM);
    if (parallelism != null) {
      config.parallelism(parallelism.intValue());
    }
    FifoMode fifoMode = env.oneOf(FIFO_MODE, FifoMode.class);
    if (fifoMode != null) {
      config.fifoMode(fifoMode);
    }
    StreamMode streamMode = env.oneOf(STREAM_MODE, StreamMode.class);
    if (streamMode != null) {
      config.streamMode(streamMode);
    }
    Long margin =
        env.wholeNumber(
            TIME_GUARD_MILLIS,
            0,
            MAX_TIME_GUARD_MILLIS,
            "must be a whole number of milliseconds from 0 (off) to " + MAX_TIME_GUARD_MILLIS);
    config.timeGuardMargin(Duration.ofMillis(margin != null ? margin : DEFAULT_TIME_GUARD_MILLIS));
    List<Class<? extends Exception>> nonRetryable = exceptions(env.get(NON_RETRYABLE), loader, env);
    config.nonRetryable(array(nonRetryable));
    if (Boolean.TRUE.equals(env.bool(IDEMPOTENT))) {
      if (onClassPath(IDEMPOTENCY_MARKER)) {
        RecordIdempotency idempotency = ProxyIdempotency.read(resources, env);
        if (idempotency != null) {
          config.idempotency(idempotency);
        }
      } else {
        env.problem(
            "["
                + IDEMPOTENT
                + "] is true but framework-idempotency is not on the class"
                + " path: add dev.lamina:framework-idempotency (and its dependencies) to the layer, or"
                + " set it to false");
      }
    }
    if (env.hasProblems()) {
      throw new BatchConfigurationException(
          env.describeProblems("Batch proxy handler cannot start"));
    }
    try {
      return new BatchProxySettings(handlerClass, event, config.build());
    } catch (IllegalArgumentException e) {
      throw new BatchConfigurationException(
          "Batch proxy handler cannot start: " + e.getMessage(), e);
    }
  }

  /** The original handler's class. */
  public Class<?> handlerClass() {
    return handlerClass;
  }

  /** The event the original handler takes. */
  public ProxiedEvent event() {
    return event;
  }

  /** The batch settings. */
  public BatchConfig config() {
    return config;
  }

  /**
   * Creates the original handler with its public no-arg constructor.
   *
   * @throws BatchConfigurationException if the constructor throws, with its exception as the cause
   */
  public RequestHandler<?, ?> instantiateHandler() {
    try {
      return (RequestHandler<?, ?>) handlerClass.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new BatchConfigurationException(
          "Original handler class ["
              + handlerClass.getName()
              + "] named by ["
              + HANDLER
              + "] threw in its constructor; see the cause",
          e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new BatchConfigurationException(
          "Original handler class ["
              + handlerClass.getName()
              + "] named by ["
              + HANDLER
              + "] cannot be created: "
              + e.getClass().getName(),
          e);
    }
  }

  private static Class<?> handlerClass(
      String handler, ClassLoader loader, EnvironmentReader problems) {
    if (handler == null) {
      problems.problem(
          "["
              + HANDLER
              + "] is required: the original handler, such as"
              + " com.example.ShipOrders::handleRequest");
      return null;
    }
    int sep = handler.indexOf("::");
    String className = (sep < 0 ? handler : handler.substring(0, sep)).trim();
    String method = sep < 0 ? "handleRequest" : handler.substring(sep + 2).trim();
    if (!method.equals("handleRequest")) {
      problems.problem(
          "["
              + HANDLER
              + "] names method ["
              + method
              + "]: the batch proxy calls"
              + " RequestHandler's handleRequest; name the class alone or Class::handleRequest");
    }
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      problems.problem(
          "Original handler class ["
              + className
              + "] named by ["
              + HANDLER
              + "] is not"
              + " on the class path: check the name and that the function's jar is deployed");
      return null;
    } catch (LinkageError e) {
      problems.problem(
          "Original handler class ["
              + className
              + "] named by ["
              + HANDLER
              + "] cannot"
              + " be loaded ("
              + e.getClass().getName()
              + ": "
              + e.getMessage()
              + "): check that its"
              + " dependencies are deployed and that it was compiled for Java 17 or older");
      return null;
    }
    if (!RequestHandler.class.isAssignableFrom(type)) {
      problems.problem(
          "Original handler class ["
              + className
              + "] does not implement RequestHandler"
              + (RequestStreamHandler.class.isAssignableFrom(type)
                  ? " (it is a RequestStreamHandler,"
                      + " whose records the proxy cannot hand over one at a time)"
                  : "")
              + ": the batch proxy supports "
              + SUPPORTED);
      return null;
    }
    if (!Modifier.isPublic(type.getModifiers())
        || Modifier.isAbstract(type.getModifiers())
        || !hasPublicNoArgConstructor(type)) {
      problems.problem(
          "Original handler class ["
              + className
              + "] cannot be created: it must be a"
              + " public, concrete class with a public no-arg constructor, as Lambda requires");
    }
    return type;
  }

  private static boolean hasPublicNoArgConstructor(Class<?> type) {
    try {
      type.getConstructor();
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static ProxiedEvent event(Class<?> handlerClass, EnvironmentReader problems) {
    Type[] types = Lamina.requestHandlerTypes(handlerClass);
    Type input = types == null ? null : types[0];
    ProxiedEvent event = ProxiedEvent.of(input);
    if (event == null) {
      problems.problem(
          "Original handler class ["
              + handlerClass.getName()
              + "] takes ["
              + (input == null ? "?" : input.getTypeName())
              + "]: the batch proxy supports "
              + SUPPORTED
              + " (for Kafka and tumbling-window events, extend BatchHandler instead)");
    }
    return event;
  }

  private static List<Class<? extends Exception>> exceptions(
      String names, ClassLoader loader, EnvironmentReader problems) {
    List<Class<? extends Exception>> types = new ArrayList<>();
    if (names == null) {
      return types;
    }
    for (String raw : names.split(",")) {
      String name = raw.trim();
      if (name.isEmpty()) {
        continue;
      }
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        problems.problem(
            "["
                + NON_RETRYABLE
                + "] names ["
                + name
                + "], which is not on the class"
                + " path: check the name (a binary name, such as com.example.Orders$Invalid)");
        continue;
      }
      if (!Exception.class.isAssignableFrom(type)) {
        problems.problem(
            "["
                + NON_RETRYABLE
                + "] names ["
                + name
                + "], which is not an Exception:"
                + " list exception classes, such as com.example.InvalidOrderException");
        continue;
      }
      types.add(type.asSubclass(Exception.class));
    }
    return types;
  }

  private static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, BatchProxySettings.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Exception>[] array(List<Class<? extends Exception>> types) {
    return (Class<? extends Exception>[]) types.toArray(new Class<?>[0]);
  }
}
