package dev.lamina.idempotency;

import dev.lamina.core.FeatureConfig;
import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.internal.EnvironmentReader;
import dev.lamina.idempotency.internal.IdempotencyInterceptor;
import dev.lamina.idempotency.internal.JsonPointerPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings of idempotent execution; the plain-Java form of {@link Idempotent}. Immutable and
 * thread-safe; validated by {@link Builder#build()}.
 *
 * <ul>
 *   <li><b>Key</b>: {@link KeyExtractors#requestId()} by default. Keys are namespaced by function
 *       name and handler class (or {@link Builder#namespace(String)}) and hashed, so functions can
 *       share a table and stored ids carry no payload values.
 *   <li><b>Expiry</b>: a completed record counts for {@link #expiry()} (default 1 hour); a claim
 *       lapses at the invocation's deadline minus {@link #inProgressMargin()} (default zero), so a
 *       function that timed out or was killed can be retried after its deadline. Without a Lambda
 *       deadline (the {@code Function} decorator) {@link #inProgressTimeout()} is required.
 *   <li><b>Duplicates in progress</b> fail fast with {@link IdempotencyInProgressException}, or,
 *       with {@link Builder#waitForInProgress(Duration)}, wait with exponential backoff (50 ms
 *       doubling to 1 s) for the first invocation's result, bounded by that time and by the
 *       deadline less the time guard's margin (or {@link Builder#minimumRunTime(Duration)}).
 *       A claim's owner token makes sure only its owner completes or releases it.
 *   <li><b>Payload validation</b>: on by default; a SHA-256 hash of what the caller sent is
 *       stored, and the same key with another payload fails with {@link
 *       IdempotencyPayloadMismatchException}. What the caller sent depends on the input: for
 *       HTTP events (API Gateway REST and HTTP API, ALB, function URLs) the method, the path and
 *       the body (base64-decoded); for SQS the message body, for SNS the message, for EventBridge
 *       {@code source}, {@code detail-type} and {@code detail}, for Kinesis the data, for
 *       DynamoDB Streams the keys and new image (each record's, in order, for a batch event);
 *       for anything else the whole input. {@link Builder#validatePath(String)} overrides it.
 *       The part is hashed as canonical JSON (properties sorted at every level, exact numbers; a
 *       body holding JSON is parsed first), so a retry that only reorders properties matches.
 *       The delivery envelope (request ids, times, trace headers, receipt handles, receive
 *       counts) is never part of it.
 *   <li><b>Local cache</b>: off by default; {@link Builder#localCacheSize(int)} keeps that many
 *       completed records in memory per execution environment, so repeats cost no store call. Its
 *       entries expire with their records.
 * </ul>
 *
 * <pre>{@code
 * RequestStreamHandler handler = Lamina.handler(Order.class, Receipt.class, this::place)
 *     .feature(IdempotencyConfig.custom()
 *         .key(KeyExtractors.path("/body/orderId"))
 *         .expiry(Duration.ofHours(6))
 *         .localCacheSize(256)
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>As a {@link FeatureConfig} it creates its interceptor from the handler's init context: with
 * the store given by {@link Builder#store(IdempotencyStore)}, or else a {@link
 * DynamoDbIdempotencyStore} on the table of {@link Builder#table(String)} or {@code
 * LAMINA_IDEMPOTENCY_TABLE}, its client an init-once resource of the handler (primed before a
 * SnapStart checkpoint, re-created after a restore). Every problem, of the settings and of the
 * environment, is reported at once.
 */
public final class IdempotencyConfig implements FeatureConfig {
  /** The chain position of idempotency, the same as {@link Idempotent}'s. */
  public static final int ORDER = 500;

  /**
   * Sleeps between polls of an in-progress record; a seam for tests. The same seam as core's
   * {@link dev.lamina.core.Sleeper}, so one test sleeper ({@code ManualSleeper::sleep}) serves both.
   */
  @FunctionalInterface
  public interface Sleeper extends dev.lamina.core.Sleeper {}

  private final IdempotencyStore store;
  private final String table;
  private final KeyExtractor key;
  private final MissingKeyPolicy missingKey;
  private final Duration expiry;
  private final Duration inProgressMargin;
  private final Duration inProgressTimeout;
  private final Duration waitForInProgress;
  private final boolean validatePayload;
  private final String validatePath;
  private final int localCacheSize;
  private final String namespace;
  private final Duration minimumRunTime;
  private final boolean scopeToCaller;
  private final Sleeper sleeper;

  private IdempotencyConfig(Builder b) {
    this.store = b.store;
    this.table = b.table;
    this.key = b.key;
    this.missingKey = b.missingKey;
    this.expiry = b.expiry;
    this.inProgressMargin = b.inProgressMargin;
    this.inProgressTimeout = b.inProgressTimeout;
    this.waitForInProgress = b.waitForInProgress;
    this.validatePayload = b.validatePayload;
    this.validatePath = b.validatePath;
    this.localCacheSize = b.localCacheSize;
    this.namespace = b.namespace;
    this.minimumRunTime = b.minimumRunTime;
    this.scopeToCaller = b.scopeToCaller;
    this.sleeper = b.sleeper;
  }

  /** A builder with the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** A builder starting from this configuration's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.store = store;
    b.table = table;
    b.key = key;
    b.missingKey = missingKey;
    b.expiry = expiry;
    b.inProgressMargin = inProgressMargin;
    b.inProgressTimeout = inProgressTimeout;
    b.waitForInProgress = waitForInProgress;
    b.validatePayload = validatePayload;
    b.validatePath = validatePath;
    b.localCacheSize = localCacheSize;
    b.namespace = namespace;
    b.minimumRunTime = minimumRunTime;
    b.scopeToCaller = scopeToCaller;
    b.sleeper = sleeper;
    return b;
  }

  /**
   * The store given in code, or {@code null}: the feature then creates a DynamoDB store from the
   * environment at init.
   */
  public IdempotencyStore store() {
    return store;
  }

  /** The DynamoDB table given in code, or {@code null} for {@code LAMINA_IDEMPOTENCY_TABLE}. */
  public String table() {
    return table;
  }

  /** {@value #ORDER}: inside the time guard and configuration. */
  @Override
  public int order() {
    return ORDER;
  }

  /**
   * Creates the idempotency interceptor for the handler: checks that the settings fit it (a
   * stable namespace, a key that does not pick one record of a batch event) and, without a store
   * given in code, that the environment names a table, a region and credentials, reporting every
   * problem at once; then creates the DynamoDB store's client as an init-once resource.
   *
   * @throws IdempotencyException naming every problem
   */
  @Override
  public Interceptor createInterceptor(InitContext context) {
    return IdempotencyInterceptor.create(
        this,
        context,
        new EnvironmentReader(context.environment().variables()),
        "Idempotency for [" + context.handlerClass().getName() + "]");
  }

  /** The key extractor; never {@code null}. */
  public KeyExtractor key() {
    return key;
  }

  /** What a missing key does; never {@code null}. */
  public MissingKeyPolicy missingKey() {
    return missingKey;
  }

  /** How long a completed record counts. */
  public Duration expiry() {
    return expiry;
  }

  /** Subtracted from the deadline to give the in-progress expiry; zero or more. */
  public Duration inProgressMargin() {
    return inProgressMargin;
  }

  /** The in-progress timeout used when there is no Lambda deadline; {@code null} if unset. */
  public Duration inProgressTimeout() {
    return inProgressTimeout;
  }

  /** How long a duplicate waits for an in-progress record; zero fails fast. */
  public Duration waitForInProgress() {
    return waitForInProgress;
  }

  /** Whether the payload hash is stored and checked. */
  public boolean validatePayload() {
    return validatePayload;
  }

  /** The path of the validated part, or {@code null} for the whole input. */
  public String validatePath() {
    return validatePath;
  }

  /** The local cache's capacity; zero when off. */
  public int localCacheSize() {
    return localCacheSize;
  }

  /** The explicit namespace, or {@code null} for function name and handler class. */
  public String namespace() {
    return namespace;
  }

  /**
   * The time a waiting duplicate leaves itself to run before the deadline, should it end up
   * claiming the key; the time guard's safety margin counts too (the larger one applies).
   */
  public Duration minimumRunTime() {
    return minimumRunTime;
  }

  /** Whether keys are scoped to the authenticated caller of an HTTP event. */
  public boolean scopeToCaller() {
    return scopeToCaller;
  }

  /**
   * The sleeper given with {@link Builder#sleeper}, or {@code Thread.sleep} if none was.
   *
   * @return the sleeper; never {@code null}
   */
  public Sleeper sleeper() {
    return sleeper != null ? sleeper : d -> dev.lamina.core.Sleeper.system().sleep(d);
  }

  /**
   * The sleeper given with {@link Builder#sleeper}, or {@code fallback} if none was: a handler
   * passes its {@link dev.lamina.core.HandlerEnvironment#sleeper()}, so one test sleeper on the
   * environment serves every wait of the handler.
   *
   * @param fallback the sleeper to use when none was given; not {@code null}
   * @return the sleeper; never {@code null}
   */
  public dev.lamina.core.Sleeper sleeper(dev.lamina.core.Sleeper fallback) {
    return sleeper != null ? sleeper : Objects.requireNonNull(fallback, "fallback");
  }

  /** Builds an {@link IdempotencyConfig}. Not thread-safe. */
  public static final class Builder {
    private IdempotencyStore store;
    private String table;
    private KeyExtractor key = KeyExtractors.requestId();
    private MissingKeyPolicy missingKey = MissingKeyPolicy.FAIL;
    private Duration expiry = Duration.ofHours(1);
    private Duration inProgressMargin = Duration.ZERO;
    private Duration inProgressTimeout;
    private Duration waitForInProgress = Duration.ZERO;
    private boolean validatePayload = true;
    private String validatePath;
    private int localCacheSize;
    private String namespace;
    private Duration minimumRunTime = Duration.ZERO;
    private boolean scopeToCaller;
    private Sleeper sleeper;

    private Builder() {}

    /**
     * Where records live, when you create the store yourself (an {@link
     * InMemoryIdempotencyStore}, a DynamoDB store on your own client). Without one, the feature
     * creates a {@link DynamoDbIdempotencyStore} from the environment at init.
     */
    public Builder store(IdempotencyStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The DynamoDB table of the store the feature creates, instead of {@code
     * LAMINA_IDEMPOTENCY_TABLE}; not used with {@link #store(IdempotencyStore)}.
     */
    public Builder table(String table) {
      this.table = Objects.requireNonNull(table, "table");
      return this;
    }

    /** The key extractor; default {@link KeyExtractors#requestId()}. */
    public Builder key(KeyExtractor key) {
      this.key = Objects.requireNonNull(key, "key");
      return this;
    }

    /** What a missing key does; default {@link MissingKeyPolicy#FAIL}. */
    public Builder missingKey(MissingKeyPolicy policy) {
      this.missingKey = Objects.requireNonNull(policy, "missingKey");
      return this;
    }

    /** How long a completed record counts; 1 s to 366 days, default 1 hour. */
    public Builder expiry(Duration expiry) {
      this.expiry = Objects.requireNonNull(expiry, "expiry");
      return this;
    }

    /** Subtracted from the deadline for the in-progress expiry; zero or more, default zero. */
    public Builder inProgressMargin(Duration margin) {
      this.inProgressMargin = Objects.requireNonNull(margin, "inProgressMargin");
      return this;
    }

    /** The claim's lifetime when there is no Lambda deadline; positive. */
    public Builder inProgressTimeout(Duration timeout) {
      this.inProgressTimeout = Objects.requireNonNull(timeout, "inProgressTimeout");
      return this;
    }

    /** Wait up to this long for an in-progress duplicate's result; zero (default) fails fast. */
    public Builder waitForInProgress(Duration maxWait) {
      this.waitForInProgress = Objects.requireNonNull(maxWait, "waitForInProgress");
      return this;
    }

    /** Switches payload validation off (it is on by default). */
    public Builder noPayloadValidation() {
      this.validatePayload = false;
      this.validatePath = null;
      return this;
    }

    /**
     * Validates only the part of the input at this path (syntax as in {@link KeyExtractors}),
     * instead of the default part for the input type. A path absent from an input hashes as a
     * value distinct from JSON {@code null}.
     */
    public Builder validatePath(String path) {
      this.validatePath = Objects.requireNonNull(path, "validatePath");
      this.validatePayload = true;
      return this;
    }

    /** Completed records kept in memory; 0 (default) to 100,000. */
    public Builder localCacheSize(int entries) {
      this.localCacheSize = entries;
      return this;
    }

    /** Replaces the function-name-and-handler namespace, for example to share keys between two. */
    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /**
     * The time a duplicate that waits for an in-progress record keeps in reserve before its
     * deadline, so that if the first call fails and this one claims the key, it is not killed
     * midway; zero or more, default zero (the time guard's margin still applies).
     */
    public Builder minimumRunTime(Duration reserve) {
      this.minimumRunTime = Objects.requireNonNull(reserve, "minimumRunTime");
      return this;
    }

    /**
     * Scopes keys to the authenticated caller of an API Gateway (REST or HTTP API) or function
     * URL event, so one client can neither replay another's response nor learn that a key exists:
     * the key is combined with the caller's Cognito identity, IAM user or role ARN, JWT subject
     * (with its issuer), Lambda authorizer {@code principalId}, or API key id, in that order of
     * preference. A request with none of these has no key: the {@link MissingKeyPolicy} decides.
     * Off by default; use it for client-chosen keys (an {@code Idempotency-Key} header), not for
     * the request id.
     */
    public Builder scopeToCaller(boolean scope) {
      this.scopeToCaller = scope;
      return this;
    }

    /**
     * Replaces the handler environment's sleeper ({@code Thread.sleep} unless the environment
     * was given another) while waiting; for tests.
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Validates every setting and builds the configuration.
     *
     * @throws IllegalArgumentException listing every bad setting with its allowed range
     */
    public IdempotencyConfig build() {
      List<String> problems = new ArrayList<>();
      if (table != null && table.isBlank()) {
        problems.add("[table] must not be blank");
      }
      if (expiry.compareTo(Duration.ofSeconds(1)) < 0
          || expiry.compareTo(Duration.ofDays(366)) > 0) {
        problems.add("[expiry] must be between 1 s and 366 days, was " + expiry);
      }
      if (inProgressMargin.isNegative()) {
        problems.add("[inProgressMargin] must be zero or more, was " + inProgressMargin);
      }
      if (inProgressTimeout != null
          && (inProgressTimeout.isNegative() || inProgressTimeout.isZero())) {
        problems.add("[inProgressTimeout] must be positive, was " + inProgressTimeout);
      }
      if (minimumRunTime.isNegative()) {
        problems.add("[minimumRunTime] must be zero or more, was " + minimumRunTime);
      }
      if (waitForInProgress.isNegative()) {
        problems.add("[waitForInProgress] must be zero or more, was " + waitForInProgress);
      }
      if (localCacheSize < 0 || localCacheSize > 100_000) {
        problems.add("[localCacheSize] must be between 0 and 100000, was " + localCacheSize);
      }
      if (namespace != null && namespace.isBlank()) {
        problems.add("[namespace] must not be blank");
      }
      if (validatePath != null) {
        try {
          JsonPointerPath.compile(validatePath);
        } catch (IllegalArgumentException e) {
          problems.add("[validatePath] " + e.getMessage());
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "Invalid idempotency configuration: " + String.join("; ", problems));
      }
      return new IdempotencyConfig(this);
    }
  }
}
