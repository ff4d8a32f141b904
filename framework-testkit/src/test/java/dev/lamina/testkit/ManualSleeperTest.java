package dev.lamina.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ManualSleeperTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() throws InterruptedException {
    threads.shutdownNow();
    assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
  }

  @Test
  void advancing_returnsAtOnce_movingTheClockByEachSleep() throws InterruptedException {
    MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    ManualSleeper sleeper = ManualSleeper.advancing(clock);

    sleeper.sleep(Duration.ofMillis(50));
    sleeper.sleep(Duration.ofMillis(100));

    assertEquals(Instant.parse("2026-01-01T00:00:00.150Z"), clock.instant());
    assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100)), sleeper.sleeps());
    assertEquals(Duration.ofMillis(150), sleeper.total());
  }

  @Test
  void holding_blocksUntilWoken_andHoldsTheNextSleepAgain() throws Exception {
    ManualSleeper sleeper = ManualSleeper.holding();
    Future<?> first = threads.submit(() -> sleep(sleeper));
    sleeper.awaitSleeping(1, WAIT);
    assertThrows(
        TimeoutException.class, () -> first.get(50, TimeUnit.MILLISECONDS), "held until woken");

    sleeper.wakeAll();
    first.get(10, TimeUnit.SECONDS);
    Future<?> second = threads.submit(() -> sleep(sleeper));
    sleeper.awaitSleeping(1, WAIT);
    assertFalse(second.isDone(), "a later sleep is held again");
    sleeper.open();
    second.get(10, TimeUnit.SECONDS);
    sleeper.sleep(Duration.ofMillis(1)); // open: returns at once

    assertEquals(3, sleeper.sleeps().size());
    assertEquals(0, sleeper.sleeping());
  }

  @Test
  void holdingWithAClock_movesItOnlyOnceASleepIsReleased() throws Exception {
    MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    ManualSleeper sleeper = ManualSleeper.holding(clock);
    Future<?> held = threads.submit(() -> sleep(sleeper));
    sleeper.awaitSleeping(1, WAIT);

    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), clock.instant(), "not while held");
    sleeper.open();
    held.get(10, TimeUnit.SECONDS);
    assertEquals(Instant.parse("2026-01-01T00:00:01Z"), clock.instant());
  }

  @Test
  void awaitSleeping_failsWhenNoThreadReachesTheWait() {
    ManualSleeper sleeper = ManualSleeper.holding();
    AssertionError e =
        assertThrows(AssertionError.class, () -> sleeper.awaitSleeping(1, Duration.ofMillis(20)));
    assertTrue(e.getMessage().contains("expected 1 threads waiting"), e.getMessage());
  }

  @Test
  void awaitSleeping_countsEveryHeldThread() throws Exception {
    ManualSleeper sleeper = ManualSleeper.holding();
    List<CompletableFuture<Void>> held =
        List.of(
            CompletableFuture.runAsync(() -> sleep(sleeper), threads),
            CompletableFuture.runAsync(() -> sleep(sleeper), threads),
            CompletableFuture.runAsync(() -> sleep(sleeper), threads));

    sleeper.awaitSleeping(3, WAIT);
    assertEquals(3, sleeper.sleeping());
    sleeper.wakeAll();
    CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aHeldSleep_answersAnInterrupt() throws Exception {
    ManualSleeper sleeper = ManualSleeper.holding();
    CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                sleeper.sleep(Duration.ofSeconds(1));
                interrupted.complete(false);
              } catch (InterruptedException e) {
                interrupted.complete(true);
              }
            });
    t.start();
    sleeper.awaitSleeping(1, WAIT);
    t.interrupt();

    assertTrue(interrupted.get(10, TimeUnit.SECONDS));
    assertEquals(0, sleeper.sleeping());
  }

  private static void sleep(ManualSleeper sleeper) {
    try {
      sleeper.sleep(Duration.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
