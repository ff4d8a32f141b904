package dev.lamina.core;

import java.time.Duration;

/**
 * Waits for a while on the current thread: the seam for every wait Lamina makes (a backoff after
 * throttling, a poll of a record in progress), so tests replace it and run in no time. The default
 * is {@link #system()}, {@code Thread.sleep}; tests pass {@code ManualSleeper::sleep} from the
 * test kit, usually together with a clock it moves.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Sleeps.
   *
   * @param duration how long; positive
   * @throws InterruptedException if the thread is interrupted while it sleeps
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * {@code Thread.sleep}.
   *
   * @return the real sleeper; never {@code null}
   */
  static Sleeper system() {
    return duration -> Thread.sleep(Math.max(0, duration.toMillis()));
  }
}
