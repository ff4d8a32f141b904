package dev.lamina.core.internal;

import dev.lamina.core.Interceptor;
import dev.lamina.core.Invocation;
import dev.lamina.core.Scheduler;
import dev.lamina.core.TimeGuardConfig;
import dev.lamina.core.metrics.LaminaMetric;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Sets the invocation's safety margin and runs the deadline watchdog around the rest of the
 * chain. The watchdog is cancelled in {@code finally}, before the invocation returns, so it can
 * never fire into a later invocation; a flag guards the race between firing and cancelling.
 */
public final class TimeGuardInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(TimeGuardInterceptor.class);

  private final Duration margin;
  private final Duration watchdogAt;
  private final Scheduler scheduler;

  public TimeGuardInterceptor(TimeGuardConfig config, Scheduler scheduler) {
    this.margin = config.safetyMargin();
    this.watchdogAt = config.watchdogAt();
    this.scheduler = scheduler;
  }

  @Override
  public Object intercept(Chain chain) throws Exception {
    Invocation invocation = chain.invocation();
    invocation.setAttribute(Invocation.SAFETY_MARGIN, margin);
    if (watchdogAt.isZero()) {
      return chain.proceed();
    }
    AtomicBoolean running = new AtomicBoolean(true);
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    Scheduler.Cancellable watch =
        scheduler.schedule(
            invocation.remaining().minus(watchdogAt), new Warning(invocation, running, logContext));
    try {
      return chain.proceed();
    } finally {
      running.set(false);
      watch.cancel();
    }
  }

  private static void warn(
      Invocation invocation, AtomicBoolean running, Map<String, String> logContext) {
    if (!running.get()) {
      return;
    }
    if (logContext != null) {
      MDC.setContextMap(logContext);
    }
    try {
      invocation.metrics().count(LaminaMetric.TIME_GUARD_WARNINGS, 1);
      log.atWarn()
          .addKeyValue("elapsed_ms", invocation.elapsed().toMillis())
          .addKeyValue("remaining_ms", invocation.remaining().toMillis())
          .log("Invocation [{}] is still running close to its deadline", invocation.requestId());
    } finally {
      MDC.clear();
    }
  }

  /** The watchdog's task. A class, not a lambda: no bootstrap on the first invocation. */
  private static final class Warning implements Runnable {
    private final Invocation invocation;
    private final AtomicBoolean running;
    private final Map<String, String> logContext;

    Warning(Invocation invocation, AtomicBoolean running, Map<String, String> logContext) {
      this.invocation = invocation;
      this.running = running;
      this.logContext = logContext;
    }

    @Override
    public void run() {
      warn(invocation, running, logContext);
    }
  }

  @Override
  public String name() {
    return "TimeGuard";
  }
}
