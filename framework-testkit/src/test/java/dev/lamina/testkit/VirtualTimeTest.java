package dev.lamina.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {
  private final Instant start = Instant.parse("2026-12-01T09:00:00Z");

  @Test
  void threadsWakeInTheOrderOfTheirVirtualTimes_andTimeMovesOnlyWhenAllSleep() throws Exception {
    MutableClock clock = MutableClock.at(start);
    VirtualTime time = VirtualTime.participants(clock, 3);
    List<String> order = new CopyOnWriteArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> done =
          List.of(
              threads.submit(() -> run(time, clock, order, "a", 300, 100)),
              threads.submit(() -> run(time, clock, order, "b", 100, 500)),
              threads.submit(() -> run(time, clock, order, "c", 200, 50)));
      for (Future<?> f : done) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    // b wakes at 100, c at 200, c again at 250, a at 300 and 400, b again at 600.
    assertEquals(List.of("b@100", "c@200", "c@250", "a@300", "a@400", "b@600"), order);
    assertEquals(start.plusMillis(600), clock.instant());
    assertEquals(6, time.sleeps());
  }

  @Test
  void ticks_roundWakeUpsUp() throws Exception {
    MutableClock clock = MutableClock.at(start);
    VirtualTime time = VirtualTime.participants(clock, 1, Duration.ofMillis(10));
    time.sleep(Duration.ofMillis(3));
    assertEquals(start.plusMillis(10), clock.instant());
    time.sleep(Duration.ofMillis(10));
    assertEquals(start.plusMillis(20), clock.instant());
    time.done();
  }

  private static Void run(
      VirtualTime time, MutableClock clock, List<String> order, String name, long a, long b)
      throws InterruptedException {
    try {
      time.sleep(Duration.ofMillis(a));
      order.add(
          name
              + "@"
              + Duration.between(Instant.parse("2026-12-01T09:00:00Z"), clock.instant())
                  .toMillis());
      time.sleep(Duration.ofMillis(b));
      order.add(
          name
              + "@"
              + Duration.between(Instant.parse("2026-12-01T09:00:00Z"), clock.instant())
                  .toMillis());
      return null;
    } finally {
      time.done();
    }
  }
}
