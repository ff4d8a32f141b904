package dev.lamina.testkit;

import dev.lamina.core.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Scheduler} that runs nothing by itself: it records each task, and the test runs it when
 * it chooses, on its own thread. Pass it where Lamina takes a scheduler (the time guard's
 * watchdog, through {@code HandlerEnvironment.builder().scheduler(..)}) to test what happens when
 * the timer fires, or that it was cancelled, without waiting for it.
 *
 * <pre>{@code
 * ManualScheduler scheduler = new ManualScheduler();
 * HandlerEnvironment env = HandlerEnvironment.builder().variables(Map.of())
 *     .scheduler(scheduler).build();
 * // ... invoke a @TimeGuard handler ...
 * ManualScheduler.Task watchdog = scheduler.only();
 * assertEquals(Duration.ofMillis(9_500), watchdog.delay());
 * watchdog.fire();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ManualScheduler implements Scheduler {
  private final List<Task> tasks = new ArrayList<>();

  /** A scheduler with no tasks yet. */
  public ManualScheduler() {}

  /** One scheduled task: its delay, whether it was cancelled, and a way to run it. */
  public static final class Task {
    private final Duration delay;
    private final Runnable body;
    private volatile boolean cancelled;

    private Task(Duration delay, Runnable body) {
      this.delay = delay;
      this.body = body;
    }

    /** The delay it was scheduled with. */
    public Duration delay() {
      return delay;
    }

    /** Whether its handle was cancelled. */
    public boolean isCancelled() {
      return cancelled;
    }

    /** Runs the task as a scheduler would: only if it was not cancelled. */
    public void fire() {
      if (!cancelled) {
        body.run();
      }
    }

    /** Runs the task even if cancelled: the race in which the timer fired just before cancel. */
    public void fireIgnoringCancel() {
      body.run();
    }

    @Override
    public String toString() {
      return "Task[delay=" + delay + (cancelled ? ", cancelled" : "") + "]";
    }
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Task t = new Task(Objects.requireNonNull(delay, "delay"), Objects.requireNonNull(task, "task"));
    tasks.add(t);
    return () -> t.cancelled = true;
  }

  /** Every task scheduled so far, in order; a copy. */
  public synchronized List<Task> tasks() {
    return List.copyOf(tasks);
  }

  /**
   * The one task scheduled so far.
   *
   * @throws AssertionError if none or several were scheduled
   */
  public synchronized Task only() {
    if (tasks.size() != 1) {
      throw new AssertionError("expected one scheduled task, got " + tasks);
    }
    return tasks.get(0);
  }
}
