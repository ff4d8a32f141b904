package dev.lamina.batch;

/** What a failure does to the rest of an SQS FIFO batch. */
public enum FifoMode {
  /**
   * Stop at the first failure and report it and every record after it, in the batch's order, so
   * no message of any group is processed out of order (what Lambda expects of FIFO functions). The
   * default.
   */
  STOP_AT_FIRST_FAILURE,
  /**
   * Report the failed record and every later record of its message group only; other groups go
   * on. Keeps order within each group while letting independent groups progress.
   */
  SKIP_FAILED_GROUP
}
