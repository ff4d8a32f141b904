package dev.lamina.idempotency;

import java.time.Instant;
import java.util.Objects;

/**
 * One idempotency record, as the {@link IdempotencyStore} reads and writes it. Immutable.
 *
 * @param id the record id: the namespace and a hash of the key; never {@code null}
 * @param status the state; never {@code null}
 * @param expiry when the record stops counting (the table's TTL attribute, epoch seconds). For an
 *     in-progress record it is never before {@code inProgressExpiry}, so neither the TTL nor a
 *     short expiry lets a duplicate in while the claim's owner may still run
 * @param inProgressExpiry when an in-progress claim lapses (epoch millis); {@code null} if unknown
 * @param payloadHash the hash of the payload (or of its validated part); {@code null} if payload
 *     validation is off
 * @param data the stored result as text; {@code null} if none was stored
 * @param owner the random token of the claim that wrote the record; {@code complete} and {@code
 *     release} act only for it. {@code null} for records written by other tools (a Powertools
 *     table), which Lamina can replay but never completes or releases
 */
public record IdempotencyRecord(
    String id,
    IdempotencyStatus status,
    Instant expiry,
    Instant inProgressExpiry,
    String payloadHash,
    String data,
    String owner) {

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
    return status == IdempotencyStatus.IN_PROGRESS
        && inProgressExpiry != null
        && inProgressExpiry.isBefore(now);
  }

  /** Whether this record was written by the claim with this owner token. */
  public boolean isOwnedBy(String token) {
    return owner != null && owner.equals(token);
  }

  /** A completed copy of this record holding {@code result} (text, or {@code null}). */
  public IdempotencyRecord completed(Instant newExpiry, String result) {
    return new IdempotencyRecord(
        id, IdempotencyStatus.COMPLETED, newExpiry, inProgressExpiry, payloadHash, result, owner);
  }

  @Override
  public String toString() {
    // No data, no hash, no owner token: records may be logged.
    return "IdempotencyRecord[" + id + ", " + status + ", expiry=" + expiry + "]";
  }
}
