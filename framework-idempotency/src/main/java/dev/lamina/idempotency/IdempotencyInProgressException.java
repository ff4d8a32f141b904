package dev.lamina.idempotency;

import dev.lamina.core.ExpectedOutcome;
import dev.lamina.core.http.Problem;
import dev.lamina.core.http.ProblemSource;
import java.time.Duration;
import java.time.Instant;

/**
 * Another invocation holds the key and has not finished: this duplicate did not run the handler.
 * Retry after {@link #inProgressExpiry()} at the latest; by then the first invocation has completed
 * (and a retry returns its result) or is known to have died (and a retry runs the handler). An
 * {@link ExpectedOutcome}: logged as one warning with the record id, without a stack trace. An HTTP
 * handler answers it as 409 Conflict with {@code Retry-After} ({@link #problem(Instant)}).
 */
public class IdempotencyInProgressException extends IdempotencyException
    implements ExpectedOutcome, ProblemSource {
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

  /**
   * The problem as of the system clock.
   *
   * @return the problem of {@link #problem(Instant)} at {@link Instant#now()}
   */
  @Override
  public Problem problem() {
    return problem(Instant.now());
  }

  /**
   * 409 Conflict with {@code Retry-After}: the whole seconds from {@code now} until the first
   * invocation's claim lapses, rounded up and at least 1 (1 when the lapse is unknown). By then a
   * retry gets the first result, or runs the handler if the first invocation died. Names neither
   * the key nor the record id.
   *
   * @param now the current time by the handler's clock
   * @return the problem
   */
  @Override
  public Problem problem(Instant now) {
    long seconds = 1;
    if (inProgressExpiry != null) {
      Duration left = Duration.between(now, inProgressExpiry);
      seconds = Math.max(1, left.getSeconds() + (left.getNano() > 0 ? 1 : 0));
    }
    return Problem.builder(409)
        .detail(
            "A request with this idempotency key is still being handled; retry after "
                + seconds
                + (seconds == 1 ? " second" : " seconds"))
        .header("Retry-After", Long.toString(seconds))
        .build();
  }
}
