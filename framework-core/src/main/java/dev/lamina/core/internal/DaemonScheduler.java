package dev.lamina.core.internal;

import dev.lamina.core.Scheduler;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The default {@link Scheduler}: one daemon thread, started on first use so handlers without a
 * watchdog never pay for it. Cancelled tasks are removed from the queue at once.
 */
public final class DaemonScheduler implements Scheduler {
  private volatile ScheduledThreadPoolExecutor executor;

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> f =
        executor().schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    return new Cancel(f);
  }

  /** Cancels a scheduled task. A class, not a lambda: no bootstrap on the invocation path. */
  private static final class Cancel implements Cancellable {
    private final ScheduledFuture<?> future;

    Cancel(ScheduledFuture<?> future) {
      this.future = future;
    }

    @Override
    public void cancel() {
      future.cancel(false);
    }
  }

  /** Makes the watchdog's daemon thread. */
  private static final class WatchdogThreads implements java.util.concurrent.ThreadFactory {
    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "lamina-watchdog");
      t.setDaemon(true);
      return t;
    }
  }

  private ScheduledThreadPoolExecutor executor() {
    ScheduledThreadPoolExecutor e = executor;
    if (e == null) {
      synchronized (this) {
        e = executor;
        if (e == null) {
          e = new ScheduledThreadPoolExecutor(1, new WatchdogThreads());
          e.setRemoveOnCancelPolicy(true);
          executor = e;
        }
      }
    }
    return e;
  }
}
