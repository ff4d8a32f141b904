package dev.lamina.testkit;

import dev.lamina.test.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stands in for {@code Thread.sleep} where Lamina lets a test replace it: the idempotency engine's
 * wait for a duplicate in progress ({@code IdempotencyConfig.Builder.sleeper(sleeper::sleep)}).
 * Every sleep is recorded. It works in one of two ways:
 *
 * <ul>
 *   <li>{@link #advancing(MutableClock)}: each sleep returns at once and moves the clock by its
 *       duration, so a wait of ten seconds takes no time and its end is exact;
 *   <li>{@link #holding()}: each sleep blocks until the test {@link #wakeAll() wakes} the
 *       sleepers or {@link #open() opens} the sleeper ({@link #holding(MutableClock)} then moves
 *       the clock, as the advancing one does). {@link #awaitSleeping(int, Duration)}
 *       tells the test that threads have reached the wait, so it can assert that the waiting path
 *       was taken and choose what happens before they look again.
 * </ul>
 *
 * <pre>{@code
 * ManualSleeper sleeper = ManualSleeper.holding();
 * IdempotencyConfig config = IdempotencyConfig.custom().store(store)
 *     .waitForInProgress(Duration.ofSeconds(10)).sleeper(sleeper::sleep).build();
 * // ... the first call holds the key; a duplicate starts on another thread ...
 * sleeper.awaitSleeping(1, Duration.ofSeconds(10));   // the duplicate is waiting
 * // ... let the first call finish ...
 * sleeper.open();                                    // the duplicate looks again
 * }</pre>
 *
 * <p>Thread-safe. A held sleep answers an interrupt with {@link InterruptedException}, as
 * {@code Thread.sleep} does.
 */
public final class ManualSleeper {
  private final MutableClock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<Duration> sleeps = new ArrayList<>();
  private boolean open;
  private long wakeUps;
  private int sleeping;

  private ManualSleeper(MutableClock clock, boolean open) {
    this.clock = clock;
    this.open = open;
  }

  /** A sleeper that holds every sleep until {@link #wakeAll()} or {@link #open()}. */
  public static ManualSleeper holding() {
    return new ManualSleeper(null, false);
  }

  /**
   * A sleeper that holds every sleep until {@link #wakeAll()} or {@link #open()}, then moves
   * {@code clock} by its duration: once open, a loop that waits for a deadline on that clock
   * reaches it, instead of spinning on a clock that never moves.
   */
  public static ManualSleeper holding(MutableClock clock) {
    return new ManualSleeper(Objects.requireNonNull(clock, "clock"), false);
  }

  /** A sleeper that never blocks: each sleep moves {@code clock} by its duration and returns. */
  public static ManualSleeper advancing(MutableClock clock) {
    return new ManualSleeper(Objects.requireNonNull(clock, "clock"), true);
  }

  /**
   * Sleeps: records {@code duration}, then returns at once (advancing or open) or when woken.
   *
   * @param duration how long the caller asked to sleep
   * @throws InterruptedException if the thread is interrupted while held
   */
  public void sleep(Duration duration) throws InterruptedException {
    Objects.requireNonNull(duration, "duration");
    lock.lock();
    try {
      sleeps.add(duration);
      if (!open) {
        long wakeUp = wakeUps;
        sleeping++;
        changed.signalAll();
        try {
          while (!open && wakeUp == wakeUps) {
            changed.await();
          }
        } finally {
          sleeping--;
        }
      }
      if (clock != null) {
        clock.advance(duration);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until at least {@code threads} threads are held in {@link #sleep(Duration)}.
   *
   * @throws AssertionError if they are not within {@code timeout}: the code did not reach its wait
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitSleeping(int threads, Duration timeout) throws InterruptedException {
    long left = timeout.toNanos();
    lock.lock();
    try {
      while (sleeping < threads) {
        if (left <= 0) {
          throw new AssertionError(
              "expected "
                  + threads
                  + " threads waiting in the sleeper within "
                  + timeout
                  + ", but "
                  + sleeping
                  + " are (sleeps so far: "
                  + sleeps
                  + ")");
        }
        left = changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Releases every thread held now; later sleeps are held again. */
  public void wakeAll() {
    lock.lock();
    try {
      wakeUps++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Releases every thread held now and lets every later sleep return at once. */
  public void open() {
    lock.lock();
    try {
      open = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** How many threads are held in {@link #sleep(Duration)} now. */
  public int sleeping() {
    lock.lock();
    try {
      return sleeping;
    } finally {
      lock.unlock();
    }
  }

  /** Every duration asked for so far, in order; a copy. */
  public List<Duration> sleeps() {
    lock.lock();
    try {
      return List.copyOf(sleeps);
    } finally {
      lock.unlock();
    }
  }

  /** The sum of {@link #sleeps()}. */
  public Duration total() {
    Duration total = Duration.ZERO;
    for (Duration d : sleeps()) {
      total = total.plus(d);
    }
    return total;
  }

  @Override
  public String toString() {
    return "ManualSleeper["
        + (open ? "open" : "holding")
        + (clock != null ? ", advancing" : "")
        + ", sleeps="
        + sleeps()
        + ", sleeping="
        + sleeping()
        + "]";
  }
}
