package dev.lamina.core.metrics;

/**
 * The metrics Lamina's own features record, each in a {@link Group} that can be switched off.
 * They are counts, written with the invocation's other metrics (the cold start on a line of its
 * own), under the names given by {@link #metricName()}.
 */
public enum LaminaMetric {
  /** The first invocation of an on-demand execution environment; never a SnapStart restore. */
  COLD_START("ColdStart", Group.COLD_START),
  /**
   * The first invocation after a SnapStart restore, on a line of its own like {@link
   * #COLD_START}, in the same group.
   */
  SNAP_START_RESTORE("SnapStartRestore", Group.COLD_START),
  /** A stored idempotent result returned instead of running the handler again. */
  IDEMPOTENCY_REPLAYS("IdempotencyReplays", Group.IDEMPOTENCY),
  /** A duplicate rejected because the first call still held its claim. */
  IDEMPOTENCY_IN_PROGRESS("IdempotencyInProgress", Group.IDEMPOTENCY),
  /** An idempotency key reused with another payload. */
  IDEMPOTENCY_MISMATCHES("IdempotencyPayloadMismatches", Group.IDEMPOTENCY),
  /** Batch records handled successfully. */
  BATCH_RECORDS_SUCCEEDED("BatchRecordsSucceeded", Group.BATCH),
  /** Batch records that failed and were reported for retry. */
  BATCH_RECORDS_FAILED("BatchRecordsFailed", Group.BATCH),
  /** Batch records not started because an earlier record of their FIFO group or shard failed. */
  BATCH_RECORDS_SKIPPED("BatchRecordsSkipped", Group.BATCH),
  /** Batch records that failed for good and were not reported for retry. */
  BATCH_RECORDS_NON_RETRYABLE("BatchRecordsNonRetryable", Group.BATCH),
  /** Batch records not started because the time guard's margin was reached. */
  BATCH_RECORDS_CUT("BatchRecordsCut", Group.BATCH),
  /** The time guard's watchdog warned that an invocation was still running near its deadline. */
  TIME_GUARD_WARNINGS("TimeGuardWarnings", Group.TIME_GUARD);

  /** A set of built-in metrics switched on or off together. */
  public enum Group {
    /** {@link #COLD_START} and {@link #SNAP_START_RESTORE}. */
    COLD_START,
    /** Idempotency replays, in-progress rejections and payload mismatches. */
    IDEMPOTENCY,
    /** Batch records succeeded, failed, skipped, non-retryable and cut. */
    BATCH,
    /** Time-guard warnings. */
    TIME_GUARD
  }

  private final String metricName;
  private final Group group;

  LaminaMetric(String metricName, Group group) {
    this.metricName = metricName;
    this.group = group;
  }

  /** The metric's name in CloudWatch, such as {@code IdempotencyReplays}. */
  public String metricName() {
    return metricName;
  }

  /** The group that switches it. */
  public Group group() {
    return group;
  }
}
