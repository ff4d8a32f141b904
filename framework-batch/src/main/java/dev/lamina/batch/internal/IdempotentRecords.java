package dev.lamina.batch.internal;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.lamina.core.Invocation;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.idempotency.IdempotencyConfig;
import dev.lamina.idempotency.IdempotencyEngine;
import dev.lamina.idempotency.IdempotencyKeyMissingException;
import dev.lamina.idempotency.KeyExtractor;
import dev.lamina.idempotency.KeySource;
import dev.lamina.idempotency.MissingKeyPolicy;
import dev.lamina.idempotency.PayloadHash;
import dev.lamina.idempotency.ResultFormat;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Per-record idempotency: each record's work runs through the {@link IdempotencyEngine}, keyed by
 * the record's source identifier or a key from its payload, with the payload's hash checked. Only
 * loaded when per-record idempotency is configured, so batch functions without it never load
 * framework-idempotency. Thread-safe.
 */
public final class IdempotentRecords implements PerRecord {
  private final IdempotencyConfig config;
  private final IdempotencyEngine engine;
  private final KeyExtractor key;
  private final Class<?> handlerClass;
  private final PayloadCodec codec;

  /**
   * @param config the settings
   * @param key takes the key from the payload; {@code null} for the source identifier
   * @param handlerClass names the namespace, unless the settings give one
   * @param codec writes DynamoDB images as JSON for hashing
   * @param sleeper waits unless the settings give their own: the handler environment's
   */
  public IdempotentRecords(
      IdempotencyConfig config,
      KeyExtractor key,
      Class<?> handlerClass,
      PayloadCodec codec,
      dev.lamina.core.Sleeper sleeper) {
    this.config = config;
    this.engine = IdempotencyEngine.create(config, config.store(), sleeper);
    this.key = key;
    this.handlerClass = handlerClass;
    this.codec = codec;
  }

  @Override
  public String duplicateKey(SourceRecord record) {
    try {
      return keyOf(record);
    } catch (Exception e) {
      return null; // its own run reports the problem
    }
  }

  @Override
  public void run(SourceRecord record, Work work) throws Exception {
    String k = keyOf(record);
    if (k == null || k.isBlank()) {
      if (config.missingKey() == MissingKeyPolicy.PASS_THROUGH) {
        work.run();
        return;
      }
      throw new IdempotencyKeyMissingException(
          key == null ? "the record's source identifier" : key.toString());
    }
    Invocation invocation = record.context().invocation();
    String namespace =
        config.namespace() != null
            ? config.namespace()
            : IdempotencyEngine.namespace(invocation.functionName(), handlerClass);
    String hash = config.validatePayload() ? PayloadHash.ofJson(bytes(record)) : null;
    engine.execute(
        IdempotencyEngine.Call.of(IdempotencyEngine.recordId(namespace, k), hash, invocation),
        ResultFormat.none(),
        () -> {
          work.run();
          return null;
        },
        invocation.metrics());
  }

  private String keyOf(SourceRecord record) throws Exception {
    if (key == null) {
      return record.idempotencyKey();
    }
    byte[] payload = bytes(record);
    JsonNode tree = payload.length == 0 ? MissingNode.getInstance() : parse(payload);
    return key.keyOf(
        new KeySource() {
          @Override
          public Object input() {
            return record.context().sourceRecord();
          }

          @Override
          public JsonNode json() {
            return tree;
          }

          @Override
          public Invocation invocation() {
            return record.context().invocation();
          }
        });
  }

  private JsonNode parse(byte[] payload) {
    try {
      return codec.read(payload, JsonNode.class);
    } catch (RuntimeException notJson) {
      return MissingNode.getInstance();
    }
  }

  /** The payload as delivered, as bytes: the body, the data, or the image written as JSON. */
  private byte[] bytes(SourceRecord record) throws Exception {
    Object delivered = record.payload().get();
    if (delivered == null) {
      return new byte[0];
    }
    if (delivered instanceof String) {
      return ((String) delivered).getBytes(StandardCharsets.UTF_8);
    }
    if (delivered instanceof byte[]) {
      return (byte[]) delivered;
    }
    @SuppressWarnings("unchecked")
    Map<String, AttributeValue> image = (Map<String, AttributeValue>) delivered;
    return codec.writeBytes(RecordDecoder.plain(image));
  }
}
