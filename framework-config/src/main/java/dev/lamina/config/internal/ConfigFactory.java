package dev.lamina.config.internal;

import dev.lamina.config.CachedConfig;
import dev.lamina.config.Config;
import dev.lamina.config.ConfigLoader;
import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.InterceptorFactory;
import dev.lamina.core.PipelineException;
import java.time.Duration;

/**
 * Turns {@link Config} into its interceptor with the public {@link ConfigLoader}: loads at init
 * (so a bad configuration is the init error), registers the loader for closing and the cache for
 * a refresh after SnapStart restore.
 */
public final class ConfigFactory implements InterceptorFactory<Config> {
  @Override
  public Interceptor create(Config annotation, InitContext context) {
    ConfigLoader loader;
    try {
      loader = ConfigLoader.builder()
          .environment(context.environment().variables())
          .clock(context.environment().clock())
          .codec(context.codec())
          .maxAge(Duration.ofSeconds(annotation.maxAgeSeconds()))
          .parameterAccess(annotation.access())
          .build();
    } catch (IllegalArgumentException e) {
      throw new PipelineException("@Config on [" + context.handlerClass().getName()
          + "] is invalid: maxAgeSeconds must be zero (never refresh) or more", e);
    }
    context.resources().add("config-loader " + annotation.value().getName(), () -> loader);
    CachedConfig<?> cached = loader.cache(annotation.value());
    context.resources()
        .define("config " + annotation.value().getName(), () -> cached)
        .onRestore(CachedConfig::invalidate)
        .create();
    return cached.interceptor();
  }
}
