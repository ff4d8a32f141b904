package dev.lamina.idempotency.internal;

import dev.lamina.idempotency.IdempotencyRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, least-recently-used cache of completed records, one per interceptor (so per handler
 * and execution environment). Expiry is checked on every read, not by a timer, because the
 * environment may be frozen between invocations. Thread-safe (one lock; the critical sections are
 * a map lookup).
 */
public final class RecordCache {
  private final int capacity;
  private final Map<String, IdempotencyRecord> entries;

  public RecordCache(int capacity) {
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, IdempotencyRecord> eldest) {
            return size() > RecordCache.this.capacity;
          }
        };
  }

  /** The completed record for {@code id} if cached and not expired at {@code now}. */
  public IdempotencyRecord get(String id, Instant now) {
    if (capacity == 0) {
      return null;
    }
    synchronized (entries) {
      IdempotencyRecord r = entries.get(id);
      if (r != null && !r.expiry().isAfter(now)) {
        entries.remove(id);
        return null;
      }
      return r;
    }
  }

  /** Caches a completed record. */
  public void put(IdempotencyRecord record) {
    if (capacity == 0) {
      return;
    }
    synchronized (entries) {
      entries.put(record.id(), record);
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
