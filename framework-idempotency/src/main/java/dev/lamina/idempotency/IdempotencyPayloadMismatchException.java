package dev.lamina.idempotency;

import dev.lamina.core.ExpectedOutcome;

/**
 * The key was used before with a different payload (the stored payload hash differs): the client
 * reused a key for a new request. The handler did not run and no stored result was returned. An
 * {@link ExpectedOutcome}: logged as one warning with the record id, without a stack trace.
 */
public class IdempotencyPayloadMismatchException extends IdempotencyException
    implements ExpectedOutcome {
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
}
