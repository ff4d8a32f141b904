package dev.lamina.idempotency;

import dev.lamina.core.ExpectedOutcome;

/**
 * The configured key extractor found no key in the input, and the configuration says a missing
 * key is an error ({@link MissingKeyPolicy#FAIL}). The handler did not run. An {@link
 * ExpectedOutcome}: logged as one warning, without a stack trace.
 */
public class IdempotencyKeyMissingException extends IdempotencyException
    implements ExpectedOutcome {
  private static final long serialVersionUID = 1L;

  /** @param extractor a description of the key extractor (never the payload) */
  public IdempotencyKeyMissingException(String extractor) {
    super(
        "No idempotency key found with ["
            + extractor
            + "]: send the key, or set"
            + " missingKey(MissingKeyPolicy.PASS_THROUGH) to run such inputs without idempotency");
  }
}
