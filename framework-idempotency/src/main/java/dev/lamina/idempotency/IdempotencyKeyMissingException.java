package dev.lamina.idempotency;

import dev.lamina.core.ExpectedOutcome;
import dev.lamina.core.http.Problem;
import dev.lamina.core.http.ProblemSource;

/**
 * The configured key extractor found no key in the input, and the configuration says a missing
 * key is an error ({@link MissingKeyPolicy#FAIL}). The handler did not run. An {@link
 * ExpectedOutcome}: logged as one warning, without a stack trace. An HTTP handler answers it as
 * 400 Bad Request ({@link #problem()}).
 */
public class IdempotencyKeyMissingException extends IdempotencyException
    implements ExpectedOutcome, ProblemSource {
  private static final long serialVersionUID = 1L;

  private final String extractor;

  /** @param extractor a description of the key extractor (never the payload) */
  public IdempotencyKeyMissingException(String extractor) {
    super(
        "No idempotency key found with ["
            + extractor
            + "]: send the key, or set"
            + " missingKey(MissingKeyPolicy.PASS_THROUGH) to run such inputs without idempotency");
    this.extractor = extractor;
  }

  /** The description of the key extractor that found no key (never the payload). */
  public String extractor() {
    return extractor;
  }

  /**
   * 400 Bad Request, naming where the key was looked for (such as {@code
   * header(Idempotency-Key)}).
   *
   * @return the problem
   */
  @Override
  public Problem problem() {
    return Problem.of(400, "The request has no idempotency key: looked for [" + extractor + "]");
  }
}
