package dev.lamina.testkit;

import dev.lamina.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Virtual time for many threads at once: a {@link MutableClock} that moves only when every
 * participating thread is asleep in {@link #sleep(Duration)}, and then straight to the earliest
 * wake-up. Work between sleeps (an HTTP call to a local service, building a handler) takes no
 * virtual time, and sleeps take no real time, so a thousand cold starts that back off for seconds
 * run in the real time their work needs, in an order that follows the virtual times exactly.
 *
 * <p>{@link ManualSleeper#advancing(MutableClock)} moves one clock by each sleep, which is right
 * for one sleeping thread; with many, every sleep would move everyone's time. This is the
 * scheduler that many threads need: each sleeps until its own wake-up on a shared timeline.
 *
 * <p>The number of participants is fixed up front ({@link #participants(MutableClock, int)}), so
 * time cannot move before the last one has started; each participant calls {@link #done()} when it
 * finishes (in a {@code finally}). A participant blocked on anything other than {@link #sleep}
 * counts as working, so time waits for it.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.atSystemTime();
 * VirtualTime time = VirtualTime.participants(clock, 1_000);
 * for (int i = 0; i < 1_000; i++) {
 *   Duration arrival = Duration.ofMillis(i * 25L);
 *   threads.submit(() -> {
 *     try {
 *       time.sleep(arrival);                       // starts at its arrival time
 *       new Handler(HandlerEnvironment.builder().clock(clock).sleeper(time::sleep).build());
 *     } finally {
 *       time.done();
 *     }
 *   });
 * }
 * }</pre>
 *
 * <p>Thread-safe. A sleep answers an interrupt with {@link InterruptedException}.
 */
public final class VirtualTime {
  private final MutableClock clock;
  private final long tickNanos;
  private final Instant start;
  private final ReentrantLock lock = new ReentrantLock();
  private final PriorityQueue<Waiter> sleepers = new PriorityQueue<>();
  private int working;
  private long sequence;
  private long sleeps;

  private VirtualTime(MutableClock clock, int participants, Duration tick) {
    this.clock = clock;
    this.tickNanos = tick.toNanos();
    this.start = clock.instant();
    this.working = participants;
  }

  /**
   * Virtual time for a fixed number of threads.
   *
   * @param clock the clock to move; not {@code null}
   * @param participants how many threads take part; each must end with {@link #done()}
   * @return the scheduler
   * @throws IllegalArgumentException if {@code participants} is below 1
   */
  public static VirtualTime participants(MutableClock clock, int participants) {
    return participants(clock, participants, Duration.ofNanos(1));
  }

  /**
   * Virtual time for a fixed number of threads whose wake-ups are rounded up to whole ticks from
   * the clock's start: threads due within one tick wake together and work in parallel, which makes
   * a large simulation faster at the cost of waits up to one tick longer than asked.
   *
   * @param clock the clock to move; not {@code null}
   * @param participants how many threads take part; each must end with {@link #done()}
   * @param tick the resolution of wake-ups; positive
   * @return the scheduler
   * @throws IllegalArgumentException if {@code participants} is below 1 or {@code tick} is not
   *     positive
   */
  public static VirtualTime participants(MutableClock clock, int participants, Duration tick) {
    if (participants < 1) {
      throw new IllegalArgumentException("[participants] must be 1 or more, was " + participants);
    }
    if (tick.isNegative() || tick.isZero()) {
      throw new IllegalArgumentException("[tick] must be positive, was " + tick);
    }
    return new VirtualTime(Objects.requireNonNull(clock, "clock"), participants, tick);
  }

  /** The clock this scheduler moves. */
  public MutableClock clock() {
    return clock;
  }

  /**
   * Sleeps for {@code duration} of virtual time: returns once every other participant is asleep or
   * done and no one is due to wake earlier.
   *
   * @param duration how long; zero or negative returns at once
   * @throws InterruptedException if the thread is interrupted while it sleeps
   */
  public void sleep(Duration duration) throws InterruptedException {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    lock.lock();
    try {
      sleeps++;
      Waiter me = new Waiter(wakeUp(duration), sequence++, lock.newCondition());
      sleepers.add(me);
      working--;
      advanceIfIdle();
      try {
        while (!me.woken) {
          me.wake.await();
        }
      } catch (InterruptedException e) {
        if (!me.woken) {
          sleepers.remove(me);
          working++;
        }
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Ends the calling participant: time no longer waits for it. Call it exactly once per thread. */
  public void done() {
    lock.lock();
    try {
      working--;
      advanceIfIdle();
    } finally {
      lock.unlock();
    }
  }

  /** How many sleeps were asked for so far. */
  public long sleeps() {
    lock.lock();
    try {
      return sleeps;
    } finally {
      lock.unlock();
    }
  }

  private Instant wakeUp(Duration duration) {
    Instant at = clock.instant().plus(duration);
    if (tickNanos <= 1) {
      return at;
    }
    long nanos = Duration.between(start, at).toNanos();
    long ticks = (nanos + tickNanos - 1) / tickNanos;
    return start.plusNanos(ticks * tickNanos);
  }

  private void advanceIfIdle() {
    if (working > 0 || sleepers.isEmpty()) {
      return;
    }
    Instant next = sleepers.peek().wakeAt;
    if (next.isAfter(clock.instant())) {
      clock.set(next);
    }
    while (!sleepers.isEmpty() && !sleepers.peek().wakeAt.isAfter(next)) {
      Waiter w = sleepers.poll();
      w.woken = true;
      working++;
      w.wake.signal();
    }
  }

  private static final class Waiter implements Comparable<Waiter> {
    final Instant wakeAt;
    final long sequence;
    final Condition wake;
    boolean woken;

    Waiter(Instant wakeAt, long sequence, Condition wake) {
      this.wakeAt = wakeAt;
      this.sequence = sequence;
      this.wake = wake;
    }

    @Override
    public int compareTo(Waiter o) {
      int c = wakeAt.compareTo(o.wakeAt);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  @Override
  public String toString() {
    lock.lock();
    try {
      return "VirtualTime["
          + clock.instant()
          + ", working="
          + working
          + ", asleep="
          + sleepers.size()
          + "]";
    } finally {
      lock.unlock();
    }
  }
}
