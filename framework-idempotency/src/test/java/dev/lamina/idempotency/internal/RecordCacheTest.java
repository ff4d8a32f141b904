package dev.lamina.idempotency.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lamina.idempotency.IdempotencyRecord;
import dev.lamina.idempotency.IdempotencyStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordCacheTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private static IdempotencyRecord completed(String id, Instant expiry) {
    return new IdempotencyRecord(id, IdempotencyStatus.COMPLETED, expiry, null, null, "1", "owner");
  }

  @Test
  void fullCache_evictsTheLeastRecentlyUsed() {
    RecordCache cache = new RecordCache(2);
    cache.put(completed("a", NOW.plusSeconds(60)));
    cache.put(completed("b", NOW.plusSeconds(60)));
    assertNotNull(cache.get("a", NOW));

    cache.put(completed("c", NOW.plusSeconds(60)));

    assertNotNull(cache.get("a", NOW));
    assertNull(cache.get("b", NOW), "b was used least recently");
    assertNotNull(cache.get("c", NOW));
    assertEquals(2, cache.size());
  }

  @Test
  void expiredEntry_isNotReturned_andIsDropped() {
    RecordCache cache = new RecordCache(4);
    cache.put(completed("a", NOW.plusSeconds(60)));

    assertNull(cache.get("a", NOW.plusSeconds(60)));
    assertEquals(0, cache.size());
  }

  @Test
  void zeroCapacity_cachesNothing() {
    RecordCache cache = new RecordCache(0);
    cache.put(completed("a", NOW.plusSeconds(60)));

    assertNull(cache.get("a", NOW));
  }
}
