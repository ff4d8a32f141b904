package dev.lamina.idempotency.internal;

import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.InterceptorFactory;
import dev.lamina.core.PipelineException;
import dev.lamina.idempotency.DynamoDbIdempotencyStore;
import dev.lamina.idempotency.IdempotencyConfig;
import dev.lamina.idempotency.IdempotencyRecord;
import dev.lamina.idempotency.IdempotencyStore;
import dev.lamina.idempotency.IdempotencyStoreProvider;
import dev.lamina.idempotency.Idempotent;
import dev.lamina.idempotency.KeyExtractor;
import dev.lamina.idempotency.KeyExtractors;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns {@link Idempotent} into its interceptor, validating every setting at once. */
public final class IdempotentFactory implements InterceptorFactory<Idempotent> {

  @Override
  public Interceptor create(Idempotent annotation, InitContext context) {
    String subject = "@Idempotent on [" + context.handlerClass().getName() + "]";
    List<String> problems = new ArrayList<>();
    IdempotencyConfig.Builder builder = IdempotencyConfig.custom()
        .missingKey(annotation.missingKey())
        .expiry(Duration.ofSeconds(annotation.expirySeconds()))
        .inProgressMargin(Duration.ofMillis(annotation.inProgressMarginMillis()))
        .waitForInProgress(Duration.ofMillis(annotation.waitForInProgressMillis()))
        .minimumRunTime(Duration.ofMillis(annotation.minimumRunTimeMillis()))
        .scopeToCaller(annotation.scopeToCaller())
        .localCacheSize(annotation.localCacheSize());
    try {
      builder.key(annotation.keyExtractor() != KeyExtractor.class
          ? instantiate(annotation.keyExtractor()) : KeyExtractors.parse(annotation.key()));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!annotation.validatePayload()) {
      builder.noPayloadValidation();
    } else if (!annotation.validatePath().isEmpty()) {
      builder.validatePath(annotation.validatePath());
    }
    if (!annotation.namespace().isEmpty()) {
      builder.namespace(annotation.namespace());
    }
    IdempotencyConfig config = null;
    try {
      config = builder.store(NO_STORE_YET).build();
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new PipelineException(subject + " is invalid: " + String.join("; ", problems));
    }
    IdempotencyStore store = store(annotation, context);
    return new IdempotencyInterceptor(config.toBuilder().store(store).build(), context.codec(),
        context.inputType(), context.outputType(), context.handlerClass());
  }

  private static IdempotencyStore store(Idempotent annotation, InitContext context) {
    if (annotation.store() == IdempotencyStoreProvider.class) {
      return DynamoDbIdempotencyStore.fromEnvironment(context.resources(),
          context.environment().variables(), annotation.table());
    }
    IdempotencyStoreProvider provider;
    try {
      provider = instantiate(annotation.store());
    } catch (IllegalArgumentException e) {
      throw new PipelineException("Idempotency store provider of @Idempotent on ["
          + context.handlerClass().getName() + "]: " + e.getMessage(), e);
    }
    IdempotencyStore store = provider.create(context);
    if (store == null) {
      throw new PipelineException("Idempotency store provider [" + annotation.store().getName()
          + "] returned null; it must return a store");
    }
    return store;
  }

  private static <T> T instantiate(Class<T> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new IllegalArgumentException("[" + type.getName()
          + "] cannot be created: it needs a public no-arg constructor", e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("[" + type.getName() + "] threw in its constructor: "
          + e.getCause().getClass().getName(), e.getCause());
    }
  }

  /**
   * Stands in while the settings are validated, so that the DynamoDB client (the expensive part of
   * init) is only built for valid settings, and every settings problem is reported at once.
   */
  private static final IdempotencyStore NO_STORE_YET = new IdempotencyStore() {
    @Override
    public ClaimResult claim(IdempotencyRecord claim, Instant now) {
      throw new IllegalStateException("placeholder store");
    }

    @Override
    public Optional<IdempotencyRecord> fetch(String id) {
      throw new IllegalStateException("placeholder store");
    }

    @Override
    public boolean complete(IdempotencyRecord completed) {
      throw new IllegalStateException("placeholder store");
    }

    @Override
    public void release(IdempotencyRecord claim) {
      throw new IllegalStateException("placeholder store");
    }
  };
}
