package dev.lamina.core;

import java.time.Duration;

/**
 * Runs a task once after a delay, on another thread. A seam so the watchdog can be tested
 * without waiting: tests pass a scheduler they trigger by hand.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Scheduler {

  /**
   * Schedules a task.
   *
   * @param delay how long to wait; zero or negative runs it as soon as possible
   * @param task what to run; exceptions it throws are swallowed by the scheduler
   * @return a handle that cancels the task if it has not started; cancelling twice is harmless
   */
  Cancellable schedule(Duration delay, Runnable task);

  /** Cancels a scheduled task. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the task if it has not started yet; does not interrupt a running task. */
    void cancel();
  }
}
