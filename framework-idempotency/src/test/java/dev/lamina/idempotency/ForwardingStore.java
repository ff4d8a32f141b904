package dev.lamina.idempotency;

import java.time.Instant;
import java.util.Optional;

/** A store that forwards every call, for tests that watch or break one operation. */
class ForwardingStore implements IdempotencyStore {
  private final IdempotencyStore delegate;

  ForwardingStore(IdempotencyStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public ClaimResult claim(IdempotencyRecord claim, Instant now) {
    return delegate.claim(claim, now);
  }

  @Override
  public Optional<IdempotencyRecord> fetch(String id) {
    return delegate.fetch(id);
  }

  @Override
  public boolean complete(IdempotencyRecord completed) {
    return delegate.complete(completed);
  }

  @Override
  public void release(IdempotencyRecord claim) {
    delegate.release(claim);
  }

  @Override
  public long maxDataBytes() {
    return delegate.maxDataBytes();
  }
}
