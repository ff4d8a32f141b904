package dev.lamina.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Where idempotency records live: four operations, each one round trip. {@link
 * DynamoDbIdempotencyStore} is the implementation Lamina ships; tests and other databases can
 * provide their own.
 *
 * <p>Implementations are thread-safe and shared by every invocation of an execution environment.
 * They report their own failures as {@link IdempotencyStoreException}.
 */
public interface IdempotencyStore {

  /**
   * Claims a key atomically: writes {@code claim} (in progress) if no record holds its id, or the
   * record that does {@link IdempotencyRecord#isClaimableAt(Instant) is claimable at} {@code now}.
   *
   * @param claim the in-progress record to write; not {@code null}
   * @param now the time the claim condition is evaluated at
   * @return empty if this call claimed the key; otherwise the record that holds it
   * @throws IdempotencyStoreException if the store failed; the key is then not claimed
   */
  Optional<IdempotencyRecord> claim(IdempotencyRecord claim, Instant now);

  /**
   * Reads a record with strong consistency.
   *
   * @param id the record id
   * @return the record, or empty if none
   * @throws IdempotencyStoreException if the store failed
   */
  Optional<IdempotencyRecord> fetch(String id);

  /**
   * Marks a claimed record completed, with its result.
   *
   * @param completed the completed record ({@link IdempotencyRecord#data()} may be {@code null})
   * @throws IdempotencyStoreException if the store failed
   */
  void complete(IdempotencyRecord completed);

  /**
   * Releases a claim after the handler failed, so the next call runs. Releases only the given
   * claim: a record claimed since by someone else stays.
   *
   * @param claim the record this invocation claimed
   * @throws IdempotencyStoreException if the store failed
   */
  void release(IdempotencyRecord claim);

  /**
   * The largest result, in UTF-8 bytes, this store can keep with a record; larger results are
   * completed without data. Unlimited by default.
   */
  default long maxDataBytes() {
    return Long.MAX_VALUE;
  }
}
