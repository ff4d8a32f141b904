package dev.lamina.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Scheduler} that only records tasks; the test runs them when it chooses. */
final class ManualScheduler implements Scheduler {
  static final class Task {
    final Duration delay;
    final Runnable body;
    boolean cancelled;

    Task(Duration delay, Runnable body) {
      this.delay = delay;
      this.body = body;
    }

    /** Runs the task as the scheduler would, unless it was cancelled. */
    void fire() {
      if (!cancelled) {
        body.run();
      }
    }

    /** Runs the body even if cancelled: the race where cancel comes after the timer fired. */
    void fireIgnoringCancel() {
      body.run();
    }
  }

  final List<Task> tasks = new ArrayList<>();

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Task t = new Task(delay, task);
    tasks.add(t);
    return () -> t.cancelled = true;
  }

  Task only() {
    if (tasks.size() != 1) {
      throw new AssertionError("expected one scheduled task, got " + tasks.size());
    }
    return tasks.get(0);
  }
}
