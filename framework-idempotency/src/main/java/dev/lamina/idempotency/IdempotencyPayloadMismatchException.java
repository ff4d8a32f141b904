package dev.lamina.idempotency;

import dev.lamina.core.ExpectedOutcome;
import dev.lamina.core.http.Problem;
import dev.lamina.core.http.ProblemSource;

/**
 * The key was used before with a different payload (the stored payload hash differs): the client
 * reused a key for a new request. The handler did not run and no stored result was returned. An
 * {@link ExpectedOutcome}: logged as one warning with the record id, without a stack trace. An HTTP
 * handler answers it as 422 Unprocessable Content ({@link #problem()}).
 */
public class IdempotencyPayloadMismatchException extends IdempotencyException
    implements ExpectedOutcome, ProblemSource {
  private static final long serialVersionUID = 1L;

  private final String recordId;

  /** @param recordId the id of the record whose payload hash differs */
  public IdempotencyPayloadMismatchException(String recordId) {
    super(
        "Idempotency key ["
            + recordId
            + "] was already used with a different payload: use a new"
            + " key for a new request");
    this.recordId = recordId;
  }

  /** The record id; never {@code null}. */
  public String recordId() {
    return recordId;
  }

  /**
   * 422 Unprocessable Content: the key was used for another request. Names neither the key nor
   * the record id.
   *
   * @return the problem
   */
  @Override
  public Problem problem() {
    return Problem.of(
        422,
        "This idempotency key was already used with a different request; use a new key for a new"
            + " request");
  }
}
