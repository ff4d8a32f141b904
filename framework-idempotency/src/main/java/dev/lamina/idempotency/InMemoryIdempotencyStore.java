package dev.lamina.idempotency;

import dev.lamina.core.InitContext;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An {@link IdempotencyStore} in a map, for unit tests, local runs and benchmarks: the same
 * contract as {@link DynamoDbIdempotencyStore} (atomic claims, completion and release only by the
 * claim's owner), without a network. Records live as long as the store; nothing is shared between
 * execution environments, so it does not make a deployed function idempotent.
 *
 * <p>Thread-safe: every operation is one atomic map update.
 *
 * <pre>{@code
 * IdempotencyConfig config = IdempotencyConfig.custom()
 *     .store(new InMemoryIdempotencyStore())
 *     .namespace("orders")
 *     .build();
 * }</pre>
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  private final ConcurrentMap<String, IdempotencyRecord> records = new ConcurrentHashMap<>();

  /** A fresh store per handler, for {@code @Idempotent(store = InMemoryIdempotencyStore.Provider.class)}. */
  public static final class Provider implements IdempotencyStoreProvider {
    /** Called by {@code @Idempotent}. */
    public Provider() {}

    @Override
    public IdempotencyStore create(InitContext context) {
      return new InMemoryIdempotencyStore();
    }
  }

  @Override
  public ClaimResult claim(IdempotencyRecord claim, Instant now) {
    IdempotencyRecord[] holder = new IdempotencyRecord[1];
    records.compute(
        claim.id(),
        (id, existing) -> {
          if (existing == null || existing.isClaimableAt(now)) {
            return claim;
          }
          holder[0] = existing;
          return existing;
        });
    return holder[0] == null ? ClaimResult.claimed() : ClaimResult.heldBy(holder[0]);
  }

  @Override
  public Optional<IdempotencyRecord> fetch(String id) {
    return Optional.ofNullable(records.get(id));
  }

  @Override
  public boolean complete(IdempotencyRecord completed) {
    boolean[] stored = new boolean[1];
    records.computeIfPresent(
        completed.id(),
        (id, existing) -> {
          if (existing.isOwnedBy(completed.owner())) {
            stored[0] = true;
            return completed;
          }
          return existing;
        });
    return stored[0];
  }

  @Override
  public void release(IdempotencyRecord claim) {
    records.computeIfPresent(
        claim.id(),
        (id, existing) ->
            existing.status() == IdempotencyStatus.IN_PROGRESS && existing.isOwnedBy(claim.owner())
                ? null
                : existing);
  }

  /** How many records the store holds. */
  public int size() {
    return records.size();
  }

  /** Forgets every record. */
  public void clear() {
    records.clear();
  }

  @Override
  public String toString() {
    return "InMemoryIdempotencyStore[" + records.size() + " records]";
  }
}
