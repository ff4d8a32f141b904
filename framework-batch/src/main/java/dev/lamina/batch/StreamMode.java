package dev.lamina.batch;

/** What a failure does to the rest of a stream batch (Kinesis, DynamoDB Streams, Kafka). */
public enum StreamMode {
  /**
   * Stop at the first failure and report it: Lambda checkpoints just before it and retries from
   * it, so no record is skipped and none is processed out of order. Kafka stops per partition. The
   * default.
   */
  STOP_AT_FIRST_FAILURE,
  /**
   * Process every record and report all that failed; Lambda still checkpoints at the lowest, so
   * later successes are delivered again. For handlers that do not depend on order.
   */
  CONTINUE
}
