package dev.lamina.validation.internal;

import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.InterceptorFactory;
import dev.lamina.validation.Validated;
import dev.lamina.validation.ValidationConfig;

/** Turns {@link Validated} into its interceptor: a thin adapter onto {@link ValidationConfig}. */
public final class ValidatedFactory implements InterceptorFactory<Validated> {
  @Override
  public Interceptor create(Validated annotation, InitContext context) {
    return ValidationConfig.ofDefaults().createInterceptor(context);
  }
}
