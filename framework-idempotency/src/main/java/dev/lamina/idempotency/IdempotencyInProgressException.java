package dev.lamina.idempotency;

import dev.lamina.core.ExpectedOutcome;
import java.time.Instant;

/**
 * Another invocation holds the key and has not finished: this duplicate did not run the handler.
 * Retry after {@link #inProgressExpiry()} at the latest; by then the first invocation has completed
 * (and a retry returns its result) or is known to have died (and a retry runs the handler). An
 * {@link ExpectedOutcome}: logged as one warning with the record id, without a stack trace.
 */
public class IdempotencyInProgressException extends IdempotencyException
    implements ExpectedOutcome {
  private static final long serialVersionUID = 1L;

  private final String recordId;
  private final Instant inProgressExpiry;

  /**
   * @param recordId the id of the record that holds the key (namespace and key hash)
   * @param inProgressExpiry when the claim lapses; may be {@code null} if unknown
   */
  public IdempotencyInProgressException(String recordId, Instant inProgressExpiry) {
    super(
        "Idempotency key ["
            + recordId
            + "] is already being handled by another invocation"
            + (inProgressExpiry == null ? "" : " (its claim lapses at " + inProgressExpiry + ")")
            + "; retry later, or configure waiting for it with waitForInProgress(..)");
    this.recordId = recordId;
    this.inProgressExpiry = inProgressExpiry;
  }

  /** The record id; never {@code null}. */
  public String recordId() {
    return recordId;
  }

  /** When the first invocation's claim lapses; may be {@code null}. */
  public Instant inProgressExpiry() {
    return inProgressExpiry;
  }
}
