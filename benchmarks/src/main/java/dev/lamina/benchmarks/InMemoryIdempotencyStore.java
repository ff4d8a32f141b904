package dev.lamina.benchmarks;

import dev.lamina.core.InitContext;
import dev.lamina.idempotency.IdempotencyRecord;
import dev.lamina.idempotency.IdempotencyStore;
import dev.lamina.idempotency.IdempotencyStoreProvider;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An idempotency store in a map, to measure the protocol's own cost without a network. Claims are
 * atomic ({@code compute}); thread-safe.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  private final ConcurrentMap<String, IdempotencyRecord> records = new ConcurrentHashMap<>();

  /** Creates a fresh store per handler, for {@code @Idempotent(store = ...)}. */
  public static final class Provider implements IdempotencyStoreProvider {
    @Override
    public IdempotencyStore create(InitContext context) {
      return new InMemoryIdempotencyStore();
    }
  }

  @Override
  public Optional<IdempotencyRecord> claim(IdempotencyRecord claim, Instant now) {
    IdempotencyRecord[] holder = new IdempotencyRecord[1];
    records.compute(claim.id(), (id, existing) -> {
      if (existing == null || existing.isClaimableAt(now)) {
        return claim;
      }
      holder[0] = existing;
      return existing;
    });
    return Optional.ofNullable(holder[0]);
  }

  @Override
  public Optional<IdempotencyRecord> fetch(String id) {
    return Optional.ofNullable(records.get(id));
  }

  @Override
  public void complete(IdempotencyRecord completed) {
    records.put(completed.id(), completed);
  }

  @Override
  public void release(IdempotencyRecord claim) {
    records.remove(claim.id(), claim);
  }

  /** Forgets every record (between benchmark iterations, so the map does not grow unbounded). */
  public void clear() {
    records.clear();
  }
}
