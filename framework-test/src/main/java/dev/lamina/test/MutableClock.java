package dev.lamina.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it.
 *
 * <p>Thread-safe: {@link #advance(Duration)}, {@link #set(Instant)} and {@link #instant()} may be
 * called from any thread; every reader sees the latest time. Views made with {@link #withZone(ZoneId)}
 * share the same time, so advancing the original also advances them. No argument may be null.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * FakeContext context = FakeContext.builder().clock(clock).timeout(Duration.ofSeconds(30)).build();
 * clock.advance(Duration.ofSeconds(25));
 * assertEquals(5_000, context.getRemainingTimeInMillis());
 * }</pre>
 */
public final class MutableClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock in UTC that reads {@code start} until moved. */
  public static MutableClock at(Instant start) {
    return new MutableClock(
        new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /** A clock in UTC that starts at the current system time and then stands still until moved. */
  public static MutableClock atSystemTime() {
    return at(Instant.now());
  }

  /**
   * Moves the clock forward (or backward, for a negative amount) and returns the new time.
   */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    return now.updateAndGet(t -> t.plus(amount));
  }

  /** Sets the clock to {@code instant}. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view in another zone that shares this clock's time. */
  @Override
  public MutableClock withZone(ZoneId zone) {
    return new MutableClock(now, Objects.requireNonNull(zone, "zone"));
  }

  @Override
  public String toString() {
    return "MutableClock[" + now.get() + ", " + zone + "]";
  }
}
