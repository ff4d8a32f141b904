package dev.lamina.batch;

import dev.lamina.batch.internal.IdempotentRecords;
import dev.lamina.batch.internal.PerRecord;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.idempotency.IdempotencyConfig;
import dev.lamina.idempotency.IdempotencyEngine;
import dev.lamina.idempotency.KeyExtractor;
import java.util.Objects;

/**
 * Makes each record of a batch idempotent, through framework-idempotency's {@link
 * IdempotencyEngine}: a record whose key was processed before (a redelivery, which SQS sends in a
 * later batch with a new receipt handle, or a stream retry) is not processed again, and counts as
 * succeeded. Two copies of one message in the same batch run once, and both count as succeeded.
 *
 * <p>The default key identifies the record at its source, stable across redeliveries: the SQS
 * {@code messageId}, Kinesis {@code shardId:sequenceNumber}, the DynamoDB Streams {@code
 * eventID}, Kafka {@code topic-partition-offset}. {@link #key(KeyExtractor)} takes it from the
 * payload instead ({@code KeyExtractors.path("/orderId")} reads the decoded payload's JSON). The
 * payload check covers the record's payload only, never its envelope. Records' results are not
 * stored: a record handler returns nothing.
 *
 * <p>Needs framework-idempotency on the class path (an optional dependency of this module).
 * Immutable.
 *
 * <pre>{@code
 * BatchConfig config = BatchConfig.custom()
 *     .idempotency(RecordIdempotency.of(IdempotencyConfig.custom()
 *         .store(DynamoDbIdempotencyStore.fromEnvironment(System.getenv()))
 *         .expiry(Duration.ofHours(24))
 *         .build()))
 *     .build();
 * }</pre>
 */
public final class RecordIdempotency {
  private final IdempotencyConfig config;
  private final KeyExtractor key;

  private RecordIdempotency(IdempotencyConfig config, KeyExtractor key) {
    this.config = config;
    this.key = key;
  }

  /**
   * Per-record idempotency with these settings (store, expiry, waiting, namespace, payload
   * validation); the record's source identifier is the key.
   *
   * @param config the settings, with a {@linkplain IdempotencyConfig.Builder#store store}; its key
   *     extractor is not used (see {@link #key})
   * @return the per-record idempotency
   * @throws IllegalArgumentException if the settings have no store
   */
  public static RecordIdempotency of(IdempotencyConfig config) {
    if (Objects.requireNonNull(config, "config").store() == null) {
      throw new IllegalArgumentException(
          "[store] is required for per-record idempotency: give"
              + " the settings a store, such as DynamoDbIdempotencyStore.fromEnvironment(..), or use"
              + " @Batch(idempotent = true), which creates one from the environment");
    }
    return new RecordIdempotency(config, null);
  }

  /**
   * The same, keyed by a value of the record's payload: the extractor sees the decoded payload's
   * JSON as {@code json()} and the source record as {@code input()}.
   *
   * @param extractor the key extractor; not {@code null}
   * @return a new per-record idempotency
   */
  public RecordIdempotency key(KeyExtractor extractor) {
    return new RecordIdempotency(config, Objects.requireNonNull(extractor, "extractor"));
  }

  /** The settings. */
  public IdempotencyConfig config() {
    return config;
  }

  PerRecord perRecord(Class<?> handlerClass, PayloadCodec codec, dev.lamina.core.Sleeper sleeper) {
    IdempotencyEngine.requireStableNamespace(handlerClass, config.namespace());
    return new IdempotentRecords(config, key, handlerClass, codec, sleeper);
  }
}
