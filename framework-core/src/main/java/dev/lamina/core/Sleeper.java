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
    return SystemSleeper.INSTANCE;
  }

  /** {@code Thread.sleep}. A class, not a lambda: every handler's init evaluates {@link #system()}. */
  final class SystemSleeper implements Sleeper {
    static final SystemSleeper INSTANCE = new SystemSleeper();

    private SystemSleeper() {}

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      Thread.sleep(Math.max(0, duration.toMillis()));
    }

    @Override
    public String toString() {
      return "Sleeper.system()";
    }
  }
}
