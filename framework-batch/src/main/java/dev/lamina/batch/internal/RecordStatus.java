package dev.lamina.batch.internal;

/** Where a record stands; the engine's per-record state, held in an atomic array. */
final class RecordStatus {
  static final int PENDING = 0;
  static final int RUNNING = 1;
  static final int SUCCEEDED = 2;
  static final int FAILED = 3;
  static final int NON_RETRYABLE = 4;

  /** Not started: an earlier failure stopped its unit or the batch. */
  static final int SKIPPED = 5;

  /** Not started: the time guard's margin was reached. */
  static final int CUT = 6;

  private RecordStatus() {}

  /** Whether a record in this state is done: it succeeded, or failed for good. */
  static boolean isDone(int status) {
    return status == SUCCEEDED || status == NON_RETRYABLE;
  }
}
