package dev.lamina.test;

import java.time.Clock;
import java.util.Objects;

/**
 * A token bucket on a {@link Clock}: it holds at most {@code burst} tokens, gains {@code
 * ratePerSecond} tokens a second, and each {@link #tryAcquire()} takes one if there is one. This
 * is the model AWS documents for its request rates (a steady rate with a burst allowance), used by
 * the local services of this kit to answer a request over the rate with the service's throttling
 * error.
 *
 * <p>The bucket starts full. Time is read from the clock on every call, so a {@link MutableClock}
 * makes it deterministic: with the clock standing still, exactly {@code burst} acquisitions
 * succeed. A rejected request takes no token. Thread-safe.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.atSystemTime();
 * TokenBucket bucket = new TokenBucket(40, 40, clock);   // SSM's default: 40 calls a second
 * for (int i = 0; i < 40; i++) assertTrue(bucket.tryAcquire());
 * assertFalse(bucket.tryAcquire());
 * clock.advance(Duration.ofMillis(25));                  // one token's worth
 * assertTrue(bucket.tryAcquire());
 * }</pre>
 */
public final class TokenBucket {
  private final double ratePerSecond;
  private final int burst;
  private final Clock clock;
  private double tokens;
  private long lastNanos;

  /**
   * Creates a full bucket.
   *
   * @param ratePerSecond tokens added per second; positive
   * @param burst the most tokens it holds, and what it starts with; at least 1
   * @param clock where time is read from; not {@code null}
   * @throws IllegalArgumentException if the rate is not positive or the burst is below 1
   */
  public TokenBucket(double ratePerSecond, int burst, Clock clock) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException(
          "[ratePerSecond] must be positive and finite, was " + ratePerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("[burst] must be 1 or more, was " + burst);
    }
    this.ratePerSecond = ratePerSecond;
    this.burst = burst;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tokens = burst;
    this.lastNanos = nanos();
  }

  /**
   * Takes a token if one is there.
   *
   * @return {@code true} if the request is within the rate; {@code false} if it is to be throttled
   */
  public synchronized boolean tryAcquire() {
    refill();
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** The tokens available now, refilled to the clock's current time. */
  public synchronized double available() {
    refill();
    return tokens;
  }

  /** Tokens added per second. */
  public double ratePerSecond() {
    return ratePerSecond;
  }

  /** The most tokens the bucket holds. */
  public int burst() {
    return burst;
  }

  private void refill() {
    long now = nanos();
    if (now > lastNanos) {
      tokens = Math.min(burst, tokens + (now - lastNanos) * ratePerSecond / 1e9);
      lastNanos = now;
    }
  }

  private long nanos() {
    java.time.Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  @Override
  public String toString() {
    return "TokenBucket[" + ratePerSecond + "/s, burst " + burst + "]";
  }
}
