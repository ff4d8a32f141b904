package dev.lamina.core.internal;

import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.InterceptorFactory;
import dev.lamina.core.TimeGuard;
import dev.lamina.core.TimeGuardConfig;
import java.time.Duration;

/** Turns {@link TimeGuard} into its interceptor. */
public final class TimeGuardFactory implements InterceptorFactory<TimeGuard> {
  @Override
  public Interceptor create(TimeGuard annotation, InitContext context) {
    TimeGuardConfig config;
    try {
      config = TimeGuardConfig.custom()
          .safetyMargin(Duration.ofMillis(annotation.safetyMarginMillis()))
          .watchdogAt(Duration.ofMillis(annotation.watchdogMillis()))
          .build();
    } catch (IllegalArgumentException e) {
      throw new dev.lamina.core.PipelineException("@TimeGuard on ["
          + context.handlerClass().getName() + "] is invalid: " + e.getMessage(), e);
    }
    return config.createInterceptor(context);
  }
}
