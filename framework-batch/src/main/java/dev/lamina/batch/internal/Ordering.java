package dev.lamina.batch.internal;

/**
 * How a source's records depend on each other when one fails: what stops, and what is reported.
 * The engine applies it identically with one worker or many.
 */
public enum Ordering {
  /** Standard SQS: records are independent; every record not done is reported. */
  INDEPENDENT(false, false),
  /** FIFO, stop at first failure: nothing starts after it; it and every later record are reported. */
  STOP_ALL_REPORT_REST(true, false),
  /** FIFO, skip the group: the failed record's group stops; it and the group's later records are reported. */
  STOP_UNIT_REPORT_REST(false, true),
  /** Streams, stop: nothing starts after a failure; the lowest sequence not done is reported. */
  STREAM_STOP(true, false),
  /** Streams, continue: every record runs; every record not done is reported, lowest first. */
  STREAM_CONTINUE(false, false),
  /** Kafka, stop: a failure stops its partition; per partition the lowest offset not done is reported. */
  PARTITION_STOP(false, true),
  /** Kafka, continue: every record runs; per partition the lowest offset not done is reported. */
  PARTITION_CONTINUE(false, false);

  private final boolean failureStopsAll;
  private final boolean failureStopsUnit;

  Ordering(boolean failureStopsAll, boolean failureStopsUnit) {
    this.failureStopsAll = failureStopsAll;
    this.failureStopsUnit = failureStopsUnit;
  }

  /** Whether a failed record stops every record not yet started. */
  public boolean failureStopsAll() {
    return failureStopsAll;
  }

  /** Whether a failed record stops the records of its unit not yet started. */
  public boolean failureStopsUnit() {
    return failureStopsUnit;
  }
}
