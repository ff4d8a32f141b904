package dev.lamina.idempotency;

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
 *       doubling to 1 s) for the first invocation's result, bounded by that time and the
 *       invocation's deadline.
 *   <li><b>Payload validation</b>: on by default; a SHA-256 hash of the input (or of the part at
 *       {@link Builder#validatePath(String)}), as the codec writes it, is stored, and the same key
 *       with another payload fails with {@link IdempotencyPayloadMismatchException}.
 *   <li><b>Local cache</b>: off by default; {@link Builder#localCacheSize(int)} keeps that many
 *       completed records in memory per execution environment, so repeats cost no store call. Its
 *       entries expire with their records.
 * </ul>
 *
 * <pre>{@code
 * IdempotencyConfig config = IdempotencyConfig.custom()
 *     .store(DynamoDbIdempotencyStore.builder().client(dynamo).table("idempotency").build())
 *     .key(KeyExtractors.path("/body/orderId"))
 *     .expiry(Duration.ofHours(6))
 *     .localCacheSize(256)
 *     .build();
 * }</pre>
 */
public final class IdempotencyConfig {

  /** Sleeps between polls of an in-progress record; a seam for tests. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Sleeps.
     *
     * @param duration how long; positive
     * @throws InterruptedException if interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  private final IdempotencyStore store;
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
  private final Sleeper sleeper;

  private IdempotencyConfig(Builder b) {
    this.store = b.store;
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
    this.sleeper = b.sleeper;
  }

  /** A builder with the defaults; {@link Builder#store(IdempotencyStore)} is required. */
  public static Builder custom() {
    return new Builder();
  }

  /** A builder starting from this configuration's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.store = store;
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
    b.sleeper = sleeper;
    return b;
  }

  /** The store; never {@code null}. */
  public IdempotencyStore store() {
    return store;
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

  /** The sleeper used while waiting. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** Builds an {@link IdempotencyConfig}. Not thread-safe. */
  public static final class Builder {
    private IdempotencyStore store;
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
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis());

    private Builder() {}

    /** Required: where records live. */
    public Builder store(IdempotencyStore store) {
      this.store = Objects.requireNonNull(store, "store");
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

    /** Validates only the part of the input at this path (syntax as in {@link KeyExtractors}). */
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

    /** Replaces {@code Thread.sleep} while waiting; for tests. */
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
      if (store == null) {
        problems.add("[store] is required, e.g. DynamoDbIdempotencyStore.builder()...build()");
      }
      if (expiry.compareTo(Duration.ofSeconds(1)) < 0 || expiry.compareTo(Duration.ofDays(366)) > 0) {
        problems.add("[expiry] must be between 1 s and 366 days, was " + expiry);
      }
      if (inProgressMargin.isNegative()) {
        problems.add("[inProgressMargin] must be zero or more, was " + inProgressMargin);
      }
      if (inProgressTimeout != null && (inProgressTimeout.isNegative() || inProgressTimeout.isZero())) {
        problems.add("[inProgressTimeout] must be positive, was " + inProgressTimeout);
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
        throw new IllegalArgumentException("Invalid idempotency configuration: "
            + String.join("; ", problems));
      }
      return new IdempotencyConfig(this);
    }
  }
}
