package dev.lamina.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Environments serving several invocations at once: one refresh, nobody waits for it. */
class CachedConfigConcurrencyTest {

  @ParameterPath("/svc")
  record Svc(@PathParameter int version) {}

  @Test
  void whileOneThreadRefreshes_othersReadTheCurrentValues_withoutWaiting() throws Exception {
    MutableClock clock = MutableClock.at(Instant.parse("2026-11-22T10:00:00Z"));
    AtomicInteger fetches = new AtomicInteger();
    CountDownLatch refreshStarted = new CountDownLatch(1);
    CountDownLatch releaseRefresh = new CountDownLatch(1);
    ParameterSource slowSecondFetch =
        (names, paths) -> {
          int n = fetches.incrementAndGet();
          if (n > 1) {
            refreshStarted.countDown();
            try {
              releaseRefresh.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return List.of(new ParameterValue("/svc/version", Integer.toString(n), false));
        };
    CachedConfig<Svc> config =
        ConfigLoader.builder()
            .environment(Map.of())
            .clock(clock)
            .maxAge(Duration.ofMinutes(1))
            .parameterSource(slowSecondFetch)
            .build()
            .cache(Svc.class);
    clock.advance(Duration.ofMinutes(1));

    CompletableFuture<Svc> refresher = CompletableFuture.supplyAsync(config::get);
    assertTrue(refreshStarted.await(10, TimeUnit.SECONDS));
    long start = System.nanoTime();
    Svc duringRefresh = CompletableFuture.supplyAsync(config::get).get(5, TimeUnit.SECONDS);
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;
    releaseRefresh.countDown();

    assertEquals(1, duringRefresh.version(), "the current values, not a wait for the new ones");
    assertTrue(waitedMillis < 1_000, "waited " + waitedMillis + " ms");
    assertEquals(2, refresher.get(10, TimeUnit.SECONDS).version());
    assertEquals(2, config.get().version());
    assertEquals(2, fetches.get(), "one refresh, not one per thread");
  }
}
