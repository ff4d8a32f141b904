package dev.lamina.config.internal;

import dev.lamina.config.Config;
import dev.lamina.config.ConfigFeature;
import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.InterceptorFactory;

/**
 * Turns {@link Config} into its interceptor: a thin adapter onto {@link ConfigFeature}, so the
 * annotation and the plain-Java form behave the same.
 */
public final class ConfigFactory implements InterceptorFactory<Config> {
  @Override
  public Interceptor create(Config annotation, InitContext context) {
    return ConfigFeature.of(annotation.value())
        .maxAge(java.time.Duration.ofSeconds(annotation.maxAgeSeconds()))
        .parameterAccess(annotation.access())
        .build()
        .createInterceptor(context);
  }
}
