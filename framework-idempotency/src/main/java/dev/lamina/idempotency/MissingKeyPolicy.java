package dev.lamina.idempotency;

/** What to do when the key extractor finds no key in an input. */
public enum MissingKeyPolicy {
  /** Reject the invocation with {@link IdempotencyKeyMissingException}; the handler does not run. */
  FAIL,
  /** Run the handler without idempotency (no record is read or written), logging at debug level. */
  PASS_THROUGH
}
