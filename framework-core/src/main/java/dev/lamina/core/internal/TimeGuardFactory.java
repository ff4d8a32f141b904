package dev.lamina.core.internal;

import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.InterceptorFactory;
import dev.lamina.core.TimeGuard;
import dev.lamina.core.TimeGuardConfig;
import java.time.Duration;

/** Turns {@link TimeGuard} into its interceptor: a thin adapter onto {@link TimeGuardConfig}. */
public final class TimeGuardFactory implements InterceptorFactory<TimeGuard> {
  @Override
  public Interceptor create(TimeGuard annotation, InitContext context) {
    return TimeGuardConfig.custom()
        .safetyMargin(Duration.ofMillis(annotation.safetyMarginMillis()))
        .watchdogAt(Duration.ofMillis(annotation.watchdogMillis()))
        .build()
        .createInterceptor(context);
  }
}
