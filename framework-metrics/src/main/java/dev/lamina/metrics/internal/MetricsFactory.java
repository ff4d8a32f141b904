package dev.lamina.metrics.internal;

import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.InterceptorFactory;
import dev.lamina.core.metrics.LaminaMetric;
import dev.lamina.metrics.Metrics;
import dev.lamina.metrics.MetricsConfig;

/** Turns {@link Metrics} into its interceptor: a thin adapter onto {@link MetricsConfig}. */
public final class MetricsFactory implements InterceptorFactory<Metrics> {
  @Override
  public Interceptor create(Metrics annotation, InitContext context) {
    MetricsConfig.Builder builder = MetricsConfig.custom();
    if (!annotation.namespace().isEmpty()) {
      builder.namespace(annotation.namespace());
    }
    if (!annotation.service().isEmpty()) {
      builder.service(annotation.service());
    }
    if (!annotation.coldStart()) {
      builder.withoutBuiltIns(LaminaMetric.Group.COLD_START);
    }
    if (!annotation.idempotency()) {
      builder.withoutBuiltIns(LaminaMetric.Group.IDEMPOTENCY);
    }
    if (!annotation.batch()) {
      builder.withoutBuiltIns(LaminaMetric.Group.BATCH);
    }
    if (!annotation.timeGuard()) {
      builder.withoutBuiltIns(LaminaMetric.Group.TIME_GUARD);
    }
    return builder.build().createInterceptor(context);
  }
}
