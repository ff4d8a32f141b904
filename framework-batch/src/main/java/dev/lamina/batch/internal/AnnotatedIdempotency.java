package dev.lamina.batch.internal;

import dev.lamina.batch.Batch;
import dev.lamina.batch.RecordIdempotency;
import dev.lamina.core.PipelineException;
import dev.lamina.core.Resources;
import dev.lamina.idempotency.DynamoDbIdempotencyStore;
import dev.lamina.idempotency.IdempotencyConfig;
import dev.lamina.idempotency.KeyExtractors;
import java.time.Duration;
import java.util.Map;

/**
 * Per-record idempotency from {@code @Batch(idempotent = true)}: the DynamoDB store configured
 * from the environment, its client an init-once resource of the handler. A class of its own so
 * that batch handlers without idempotency never load framework-idempotency.
 */
public final class AnnotatedIdempotency {
  private AnnotatedIdempotency() {}

  /**
   * The per-record idempotency an annotation asks for.
   *
   * @throws PipelineException if a setting is invalid
   * @throws dev.lamina.idempotency.IdempotencyException listing missing or bad variables
   */
  public static RecordIdempotency from(
      Batch batch, Class<?> handlerClass, Resources resources, Map<String, String> environment) {
    IdempotencyConfig config;
    try {
      config =
          IdempotencyConfig.custom()
              .store(
                  DynamoDbIdempotencyStore.fromEnvironment(
                      resources, environment, batch.idempotencyTable()))
              .expiry(Duration.ofSeconds(batch.idempotencyExpirySeconds()))
              .build();
    } catch (IllegalArgumentException e) {
      throw new PipelineException(
          "@Batch on [" + handlerClass.getName() + "] is invalid: " + e.getMessage(), e);
    }
    RecordIdempotency idempotency = RecordIdempotency.of(config);
    if (!batch.idempotencyKey().isEmpty()) {
      try {
        idempotency = idempotency.key(KeyExtractors.parse(batch.idempotencyKey()));
      } catch (IllegalArgumentException e) {
        throw new PipelineException(
            "@Batch on ["
                + handlerClass.getName()
                + "] has an invalid"
                + " [idempotencyKey]: "
                + e.getMessage(),
            e);
      }
    }
    return idempotency;
  }
}
