package dev.lamina.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings of batch processing; the plain-Java form of {@link Batch}. Immutable and
 * thread-safe; validated by {@link Builder#build()}.
 *
 * <ul>
 *   <li><b>Parallelism</b>: 1 (the default) processes records one after another, in the batch's
 *       order. Above 1, records run on that many worker threads created for the invocation and
 *       joined before it returns; FIFO message groups, Kinesis partition keys, DynamoDB items and
 *       Kafka partitions keep their order (parallel across them, sequential within one).
 *   <li><b>Ordering on failure</b>: {@link FifoMode} for SQS FIFO queues, {@link StreamMode} for
 *       Kinesis, DynamoDB Streams and Kafka. Standard SQS queues fail only the failed message.
 *   <li><b>Non-retryable failures</b>: records failing with one of {@link #nonRetryable()} are not
 *       reported for retry; they are logged, counted and handed to the {@link #onNonRetryable()}
 *       hook, and stop neither a FIFO group nor a shard.
 *   <li><b>All failed</b>: when every record failed, the invocation fails with {@link
 *       BatchFailedException} (so Lambda's error metrics, backoff and bisect-on-error apply),
 *       unless {@link Builder#respondWhenAllFail()} returns the all-failed response instead.
 *   <li><b>Time guard</b>: with a margin ({@link Builder#timeGuardMargin}, or the handler's
 *       {@code @TimeGuard} margin when unset), no record starts once the remaining time reaches
 *       it; records in flight are waited for at most until {@link #responseReserve()} before the
 *       deadline; every record not done by then is reported for retry.
 * </ul>
 *
 * <pre>{@code
 * BatchConfig config = BatchConfig.custom()
 *     .parallelism(8)
 *     .nonRetryable(InvalidOrderException.class)
 *     .onNonRetryable((context, failure) -> deadLetters.send(context.sourceRecord()))
 *     .build();
 * }</pre>
 */
public final class BatchConfig {
  private static final BatchConfig DEFAULTS = custom().build();

  private final int parallelism;
  private final FifoMode fifoMode;
  private final StreamMode streamMode;
  private final List<Class<? extends Exception>> nonRetryable;
  private final NonRetryableHandler onNonRetryable;
  private final boolean failWhenAllFail;
  private final Duration timeGuardMargin;
  private final Duration responseReserve;
  private final RecordIdempotency idempotency;

  private BatchConfig(Builder b) {
    this.parallelism = b.parallelism;
    this.fifoMode = b.fifoMode;
    this.streamMode = b.streamMode;
    this.nonRetryable = List.copyOf(b.nonRetryable);
    this.onNonRetryable = b.onNonRetryable;
    this.failWhenAllFail = b.failWhenAllFail;
    this.timeGuardMargin = b.timeGuardMargin;
    this.responseReserve = b.responseReserve;
    this.idempotency = b.idempotency;
  }

  /** The defaults: sequential, stop at the first failure, throw when all fail, no idempotency. */
  public static BatchConfig defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.parallelism = parallelism;
    b.fifoMode = fifoMode;
    b.streamMode = streamMode;
    b.nonRetryable.addAll(nonRetryable);
    b.onNonRetryable = onNonRetryable;
    b.failWhenAllFail = failWhenAllFail;
    b.timeGuardMargin = timeGuardMargin;
    b.responseReserve = responseReserve;
    b.idempotency = idempotency;
    return b;
  }

  /** Worker threads; 1 is sequential. */
  public int parallelism() {
    return parallelism;
  }

  /** What a failure does to an SQS FIFO batch. */
  public FifoMode fifoMode() {
    return fifoMode;
  }

  /** What a failure does to a stream batch. */
  public StreamMode streamMode() {
    return streamMode;
  }

  /** Exception types whose records are not retried; never {@code null}. */
  public List<Class<? extends Exception>> nonRetryable() {
    return nonRetryable;
  }

  /** The hook for non-retryable records; {@code null} if none. */
  public NonRetryableHandler onNonRetryable() {
    return onNonRetryable;
  }

  /** Whether an all-failed batch fails the invocation (else the all-failed response returns). */
  public boolean failWhenAllFail() {
    return failWhenAllFail;
  }

  /** The time guard's margin; {@code null} to use the handler's {@code @TimeGuard}, if any. */
  public Duration timeGuardMargin() {
    return timeGuardMargin;
  }

  /** Time kept before the deadline to write the response after records in flight were cut. */
  public Duration responseReserve() {
    return responseReserve;
  }

  /** Per-record idempotency; {@code null} if off. */
  public RecordIdempotency idempotency() {
    return idempotency;
  }

  /** Whether {@code failure} is of one of the {@link #nonRetryable()} types. */
  public boolean isNonRetryable(Exception failure) {
    for (Class<? extends Exception> type : nonRetryable) {
      if (type.isInstance(failure)) {
        return true;
      }
    }
    return false;
  }

  /** Builds a {@link BatchConfig}. Not thread-safe. */
  public static final class Builder {
    private int parallelism = 1;
    private FifoMode fifoMode = FifoMode.STOP_AT_FIRST_FAILURE;
    private StreamMode streamMode = StreamMode.STOP_AT_FIRST_FAILURE;
    private final List<Class<? extends Exception>> nonRetryable = new ArrayList<>();
    private NonRetryableHandler onNonRetryable;
    private boolean failWhenAllFail = true;
    private Duration timeGuardMargin;
    private Duration responseReserve = Duration.ofMillis(100);
    private RecordIdempotency idempotency;

    private Builder() {}

    /** Worker threads, 1 (sequential, the default) to 64. */
    public Builder parallelism(int threads) {
      this.parallelism = threads;
      return this;
    }

    /** What a failure does to an SQS FIFO batch; default {@link FifoMode#STOP_AT_FIRST_FAILURE}. */
    public Builder fifoMode(FifoMode mode) {
      this.fifoMode = Objects.requireNonNull(mode, "fifoMode");
      return this;
    }

    /** What a failure does to a stream batch; default {@link StreamMode#STOP_AT_FIRST_FAILURE}. */
    public Builder streamMode(StreamMode mode) {
      this.streamMode = Objects.requireNonNull(mode, "streamMode");
      return this;
    }

    /** Adds exception types (subclasses included) whose records are not retried. */
    @SafeVarargs
    public final Builder nonRetryable(Class<? extends Exception>... types) {
      for (Class<? extends Exception> type : types) {
        nonRetryable.add(Objects.requireNonNull(type, "nonRetryable"));
      }
      return this;
    }

    /** The hook for records that failed with a non-retryable exception. */
    public Builder onNonRetryable(NonRetryableHandler hook) {
      this.onNonRetryable = Objects.requireNonNull(hook, "onNonRetryable");
      return this;
    }

    /** When every record failed, return the all-failed response instead of failing the invocation. */
    public Builder respondWhenAllFail() {
      this.failWhenAllFail = false;
      return this;
    }

    /**
     * The time guard's margin: no record starts once this much time is left; zero turns the
     * guard off. Unset, the handler's {@code @TimeGuard} margin applies (none without one).
     */
    public Builder timeGuardMargin(Duration margin) {
      this.timeGuardMargin = Objects.requireNonNull(margin, "timeGuardMargin");
      return this;
    }

    /** Time kept before the deadline to answer after cutting records in flight; default 100 ms. */
    public Builder responseReserve(Duration reserve) {
      this.responseReserve = Objects.requireNonNull(reserve, "responseReserve");
      return this;
    }

    /** Makes each record idempotent; see {@link RecordIdempotency}. */
    public Builder idempotency(RecordIdempotency idempotency) {
      this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
      return this;
    }

    /**
     * Validates every setting and builds the configuration.
     *
     * @throws IllegalArgumentException listing every bad setting with its allowed range
     */
    public BatchConfig build() {
      List<String> problems = new ArrayList<>();
      if (parallelism < 1 || parallelism > 64) {
        problems.add("[parallelism] must be between 1 and 64, was " + parallelism);
      }
      if (timeGuardMargin != null && timeGuardMargin.isNegative()) {
        problems.add("[timeGuardMargin] must be zero or more, was " + timeGuardMargin);
      }
      if (responseReserve.isNegative()) {
        problems.add("[responseReserve] must be zero or more, was " + responseReserve);
      }
      if (onNonRetryable != null && nonRetryable.isEmpty()) {
        problems.add(
            "[onNonRetryable] is set but no [nonRetryable] exception type is: add the"
                + " types whose records it should receive");
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "Invalid batch configuration: " + String.join("; ", problems));
      }
      return new BatchConfig(this);
    }
  }
}
