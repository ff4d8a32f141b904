package dev.lamina.idempotency;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where idempotency records live: four operations, each one round trip. {@link
 * DynamoDbIdempotencyStore} is the implementation Lamina ships, {@link InMemoryIdempotencyStore}
 * one for tests; other databases can provide their own. The protocol on top of them is {@link
 * IdempotencyEngine}'s.
 *
 * <p>Every claim carries an owner token ({@link IdempotencyRecord#owner()}): {@link #complete}
 * and {@link #release} must act only while the stored record is still that owner's, so a late
 * completion after a claim lapsed and was taken over never overwrites the new owner's record.
 *
 * <p>Implementations are thread-safe and shared by every invocation of an execution environment.
 * They report their own failures as {@link IdempotencyStoreException}.
 */
public interface IdempotencyStore {

  /**
   * Claims a key atomically: writes {@code claim} (in progress) if no record holds its id, or the
   * record that does {@link IdempotencyRecord#isClaimableAt(Instant) is claimable at} {@code now}.
   *
   * @param claim the in-progress record to write, with its owner token; not {@code null}
   * @param now the time the claim condition is evaluated at
   * @return {@link ClaimResult#claimed()} if this call wrote the claim; the record that holds the
   *     key otherwise, or {@link ClaimResult#holderGone()} if the write was refused but the record
   *     that refused it was gone when read. Never "claimed" unless the write succeeded
   * @throws IdempotencyStoreException if the store failed; the key is then not claimed
   */
  ClaimResult claim(IdempotencyRecord claim, Instant now);

  /**
   * Reads a record with strong consistency.
   *
   * @param id the record id
   * @return the record, or empty if none
   * @throws IdempotencyStoreException if the store failed
   */
  Optional<IdempotencyRecord> fetch(String id);

  /**
   * Marks a claimed record completed, with its result, if the stored record is still the claim
   * of {@code completed}'s owner.
   *
   * @param completed the completed record ({@link IdempotencyRecord#data()} may be {@code null});
   *     its owner is the claim's
   * @return {@code true} if stored; {@code false} if the record is no longer this owner's claim
   *     (it lapsed and was claimed again, or was removed), in which case nothing was written
   * @throws IdempotencyStoreException if the store failed
   */
  boolean complete(IdempotencyRecord completed);

  /**
   * Releases a claim after the handler failed, so the next call runs. Removes the record only
   * while it is still this owner's in-progress claim: a record claimed since by someone else stays.
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

  /**
   * What {@link #claim} found. Immutable.
   *
   * @param outcome whether the key was claimed, is held, or its holder vanished
   * @param holder the record that holds the key, for {@link Outcome#HELD}; otherwise {@code null}
   */
  record ClaimResult(Outcome outcome, IdempotencyRecord holder) {
    private static final ClaimResult CLAIMED = new ClaimResult(Outcome.CLAIMED, null);
    private static final ClaimResult GONE = new ClaimResult(Outcome.HOLDER_GONE, null);

    /** The three answers to a claim. */
    public enum Outcome {
      /** The claim was written: the caller holds the key. */
      CLAIMED,
      /** Another record holds the key; see {@link ClaimResult#holder()}. */
      HELD,
      /**
       * The write was refused, but the record that refused it was gone when read (a store that
       * does not return it with the refusal, and a release or expiry in between). The key is not
       * claimed: try again.
       */
      HOLDER_GONE
    }

    /** Checks that a holder comes with {@link Outcome#HELD} and only with it. */
    public ClaimResult {
      Objects.requireNonNull(outcome, "outcome");
      if ((outcome == Outcome.HELD) != (holder != null)) {
        throw new IllegalArgumentException("a holder comes with HELD and only with it");
      }
    }

    /** The claim was written. */
    public static ClaimResult claimed() {
      return CLAIMED;
    }

    /** The key is held by {@code holder}. */
    public static ClaimResult heldBy(IdempotencyRecord holder) {
      return new ClaimResult(Outcome.HELD, Objects.requireNonNull(holder, "holder"));
    }

    /** The write was refused and its holder was gone when read. */
    public static ClaimResult holderGone() {
      return GONE;
    }
  }
}
