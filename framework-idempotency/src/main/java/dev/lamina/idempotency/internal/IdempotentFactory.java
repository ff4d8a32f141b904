package dev.lamina.idempotency.internal;

import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.InterceptorFactory;
import dev.lamina.core.internal.EnvironmentReader;
import dev.lamina.idempotency.IdempotencyConfig;
import dev.lamina.idempotency.IdempotencyException;
import dev.lamina.idempotency.IdempotencyStore;
import dev.lamina.idempotency.IdempotencyStoreProvider;
import dev.lamina.idempotency.Idempotent;
import dev.lamina.idempotency.KeyExtractor;
import dev.lamina.idempotency.KeyExtractors;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;

/**
 * Turns {@link Idempotent} into its interceptor: a thin adapter onto {@link IdempotencyConfig},
 * whose {@link IdempotencyConfig#createInterceptor} checks the environment. Every problem, of the
 * annotation's settings and of the environment (table, region, credentials), is reported at once.
 */
public final class IdempotentFactory implements InterceptorFactory<Idempotent> {

  @Override
  public Interceptor create(Idempotent annotation, InitContext context) {
    EnvironmentReader env = new EnvironmentReader(context.environment().variables());
    IdempotencyConfig.Builder builder =
        IdempotencyConfig.custom()
            .missingKey(annotation.missingKey())
            .expiry(Duration.ofSeconds(annotation.expirySeconds()))
            .inProgressMargin(Duration.ofMillis(annotation.inProgressMarginMillis()))
            .waitForInProgress(Duration.ofMillis(annotation.waitForInProgressMillis()))
            .minimumRunTime(Duration.ofMillis(annotation.minimumRunTimeMillis()))
            .scopeToCaller(annotation.scopeToCaller())
            .localCacheSize(annotation.localCacheSize());
    try {
      builder.key(
          annotation.keyExtractor() != KeyExtractor.class
              ? instantiate(annotation.keyExtractor())
              : KeyExtractors.parse(annotation.key()));
    } catch (IllegalArgumentException e) {
      env.problem(e.getMessage());
    }
    if (!annotation.validatePayload()) {
      builder.noPayloadValidation();
    } else if (!annotation.validatePath().isEmpty()) {
      builder.validatePath(annotation.validatePath());
    }
    if (!annotation.namespace().isEmpty()) {
      builder.namespace(annotation.namespace());
    }
    if (!annotation.table().isEmpty()) {
      builder.table(annotation.table());
    }
    IdempotencyConfig config = null;
    try {
      config = builder.build();
    } catch (IllegalArgumentException e) {
      env.problem(e.getMessage());
    }
    String subject = "@Idempotent on [" + context.handlerClass().getName() + "]";
    boolean defaultStore = annotation.store() == IdempotencyStoreProvider.class;
    if (config != null && (defaultStore || !env.hasProblems())) {
      // Every remaining check (the handler, the environment) is made once, by create(); a
      // provider's store is made only for settings without a problem.
      if (!defaultStore) {
        config = config.toBuilder().store(store(annotation, context)).build();
      }
      return IdempotencyInterceptor.create(config, context, env, subject);
    }
    // The settings have problems: report the environment's and the handler's with them.
    if (defaultStore) {
      DynamoDbClients.read(env, annotation.table());
    }
    if (config != null) {
      IdempotencyInterceptor.checkFits(config, context.handlerClass(), context.inputType(), env);
    }
    throw new IdempotencyException(env.describeProblems(subject + " cannot be set up"));
  }

  private static IdempotencyStore store(Idempotent annotation, InitContext context) {
    IdempotencyStoreProvider provider;
    try {
      provider = instantiate(annotation.store());
    } catch (IllegalArgumentException e) {
      throw new IdempotencyException(
          "Idempotency store provider of @Idempotent on ["
              + context.handlerClass().getName()
              + "]: "
              + e.getMessage(),
          e);
    }
    IdempotencyStore store = provider.create(context);
    if (store == null) {
      throw new IdempotencyException(
          "Idempotency store provider ["
              + annotation.store().getName()
              + "] returned null; it must return a store");
    }
    return store;
  }

  private static <T> T instantiate(Class<T> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new IllegalArgumentException(
          "[" + type.getName() + "] cannot be created: it needs a public no-arg constructor", e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          "[" + type.getName() + "] threw in its constructor: " + e.getCause().getClass().getName(),
          e.getCause());
    }
  }
}
