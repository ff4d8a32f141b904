package dev.lamina.idempotency;

/**
 * The configured key extractor found no key in the input, and the configuration says a missing
 * key is an error ({@link MissingKeyPolicy#FAIL}). The handler did not run.
 */
public class IdempotencyKeyMissingException extends IdempotencyException {
  private static final long serialVersionUID = 1L;

  /** @param extractor a description of the key extractor (never the payload) */
  public IdempotencyKeyMissingException(String extractor) {
    super("No idempotency key found with [" + extractor + "]: send the key, or set"
        + " missingKey(MissingKeyPolicy.PASS_THROUGH) to run such inputs without idempotency");
  }
}
