package dev.lamina.test.internal;

import dev.lamina.test.eventsource.EventSourceException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The poller thread of a local event source mapping: runs {@link Step}s one after another until
 * closed, and lets tests wait until a step that <em>started after they asked</em> found nothing
 * left to do. Thread-safe.
 *
 * <p>Between steps that did no work it waits for the poll interval, or until {@link #wake()}
 * (a test sent a message) or {@link #close()}; that wait is the poll cadence, not a stand-in for
 * synchronisation: {@link #awaitIdle(Duration, Supplier)} waits on a condition the loop signals.
 */
public final class PollingLoop implements AutoCloseable {

  /** What one step found. */
  public enum State {
    /** It invoked the function (or otherwise made progress): run the next step at once. */
    WORKED,
    /** Nothing to do now, but records are in flight or a window is open: not idle. */
    WAITING,
    /** Nothing in flight and nothing to read: the mapping is idle. */
    IDLE
  }

  /** One poll of the mapping; runs on the loop's thread only. */
  @FunctionalInterface
  public interface Step {
    /** Polls once and says what it found; an exception stops the loop and fails waiters. */
    State run() throws Exception;
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wakeUp = lock.newCondition();
  private final Condition progress = lock.newCondition();
  private final Step step;
  private final Duration pollInterval;
  private final Thread thread;
  private long stepsStarted;
  private long lastIdleStep = -1;
  private boolean pokes;
  private volatile boolean closed;
  private volatile boolean enabled;
  private volatile Throwable failure;

  /**
   * Starts the loop on a daemon thread named {@code name}; a loop started disabled runs no step
   * until {@link #enable()}.
   */
  public PollingLoop(String name, Duration pollInterval, boolean enabled, Step step) {
    this.step = step;
    this.pollInterval = pollInterval;
    this.enabled = enabled;
    this.thread = new Thread(this::loop, name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void loop() {
    while (!closed) {
      long number;
      lock.lock();
      try {
        while (!enabled && !closed) {
          wakeUp.await();
        }
        if (closed) {
          return;
        }
        number = ++stepsStarted;
        pokes = false;
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      State state;
      try {
        state = step.run();
      } catch (Throwable e) {
        failure = e;
        signalProgress();
        return;
      }
      lock.lock();
      try {
        if (state == State.IDLE) {
          lastIdleStep = number;
        }
        progress.signalAll();
        if (state != State.WORKED && !pokes && !closed) {
          wakeUp.await(pollInterval.toNanos(), TimeUnit.NANOSECONDS);
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
    }
  }

  private void signalProgress() {
    lock.lock();
    try {
      progress.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Lets the loop run steps again (the mapping's {@code Enabled: true}). */
  public void enable() {
    enabled = true;
    wake();
  }

  /** Stops running steps after the one in progress (the mapping's {@code Enabled: false}). */
  public void disable() {
    enabled = false;
  }

  /** Makes the loop poll now rather than at the end of its interval. */
  public void wake() {
    lock.lock();
    try {
      pokes = true;
      wakeUp.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until a step that started after this call found the mapping idle.
   *
   * @param state describes what is still going on, for the timeout's message
   * @throws EventSourceException on timeout, if the loop failed, or if it is closed
   */
  public void awaitIdle(Duration timeout, Supplier<String> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      long after = stepsStarted;
      wakeUp.signalAll();
      pokes = true;
      while (lastIdleStep <= after) {
        if (failure != null) {
          throw new EventSourceException("The mapping's poller failed: " + failure, failure);
        }
        if (closed) {
          throw new EventSourceException("The mapping is closed");
        }
        if (!enabled) {
          throw new EventSourceException(
              "The mapping is disabled, so it will not become idle: " + "call enable() first");
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new EventSourceException(
              "The mapping did not become idle within "
                  + timeout.toMillis()
                  + " ms: "
                  + state.get());
        }
        progress.await(left, TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventSourceException("Interrupted while waiting for the mapping to become idle", e);
    } finally {
      lock.unlock();
    }
  }

  /** The exception that stopped the loop, or null. */
  public Throwable failure() {
    return failure;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Waits on the loop's wake-up condition for at most {@code wait}, returning early on
   * {@link #wake()} or {@link #close()}: for a step that gathers records over a batching window.
   * Call only from a step.
   */
  public void pause(Duration wait) throws InterruptedException {
    lock.lock();
    try {
      if (!closed && !wait.isNegative() && !wait.isZero()) {
        wakeUp.await(wait.toNanos(), TimeUnit.NANOSECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the loop and waits up to {@code join} for the step in progress to end (an invocation in
   * flight finishes first). Idempotent.
   */
  public void close(Duration join) {
    closed = true;
    lock.lock();
    try {
      wakeUp.signalAll();
      progress.signalAll();
    } finally {
      lock.unlock();
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join(join.toMillis());
        if (thread.isAlive()) {
          thread.interrupt();
          thread.join(1_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** {@link #close(Duration)} waiting up to 20 s. */
  @Override
  public void close() {
    close(Duration.ofSeconds(20));
  }
}
