package dev.lamina.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void standsStill_untilAdvancedOrSet() {
    MutableClock clock = MutableClock.at(T0);
    assertEquals(T0, clock.instant());
    assertEquals(T0.plusSeconds(5), clock.advance(Duration.ofSeconds(5)));
    assertEquals(T0.plusSeconds(5), clock.instant());
    clock.set(T0.minusSeconds(1));
    assertEquals(T0.minusSeconds(1), clock.instant());
  }

  @Test
  void zonedView_sharesTheTime() {
    MutableClock clock = MutableClock.at(T0);
    MutableClock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    clock.advance(Duration.ofMinutes(1));
    assertEquals(T0.plusSeconds(60), paris.instant());
    assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
  }

  @Test
  void concurrentAdvances_areAllCounted() {
    MutableClock clock = MutableClock.at(T0);
    CompletableFuture.allOf(
            IntStream.range(0, 8)
                .mapToObj(
                    i ->
                        CompletableFuture.runAsync(
                            () -> {
                              for (int n = 0; n < 1_000; n++) {
                                clock.advance(Duration.ofMillis(1));
                              }
                            }))
                .toArray(CompletableFuture[]::new))
        .join();
    assertEquals(T0.plusMillis(8_000), clock.instant());
  }
}
