package dev.lamina.idempotency;

import java.time.Instant;
import java.util.Objects;

/**
 * One idempotency record, as the {@link IdempotencyStore} reads and writes it. Immutable.
 *
 * @param id the record id: the namespace and a hash of the key; never {@code null}
 * @param status the state; never {@code null}
 * @param expiry when the record stops counting (the table's TTL attribute, epoch seconds)
 * @param inProgressExpiry when an in-progress claim lapses (epoch millis); {@code null} if unknown
 * @param payloadHash the hash of the payload (or of its validated part); {@code null} if payload
 *     validation is off
 * @param data the stored result as JSON text; {@code null} if none was stored
 */
public record IdempotencyRecord(String id, IdempotencyStatus status, Instant expiry,
    Instant inProgressExpiry, String payloadHash, String data) {

  /** Checks the required fields. */
  public IdempotencyRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(expiry, "expiry");
  }

  /**
   * Whether the record no longer holds its key at {@code now}: its expiry passed, or it is in
   * progress and its in-progress expiry passed. The same rule as the store's claim condition.
   */
  public boolean isClaimableAt(Instant now) {
    if (!expiry.isAfter(now)) {
      return true;
    }
    return status == IdempotencyStatus.IN_PROGRESS && inProgressExpiry != null
        && inProgressExpiry.isBefore(now);
  }

  /** A completed copy of this record holding {@code result} (JSON text, or {@code null}). */
  public IdempotencyRecord completed(Instant newExpiry, String result) {
    return new IdempotencyRecord(id, IdempotencyStatus.COMPLETED, newExpiry, inProgressExpiry,
        payloadHash, result);
  }

  @Override
  public String toString() {
    // No data, no hash: records may be logged.
    return "IdempotencyRecord[" + id + ", " + status + ", expiry=" + expiry + "]";
  }
}
