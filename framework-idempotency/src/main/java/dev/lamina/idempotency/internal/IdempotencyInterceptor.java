package dev.lamina.idempotency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.core.Interceptor;
import dev.lamina.core.Invocation;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.idempotency.IdempotencyConfig;
import dev.lamina.idempotency.IdempotencyEngine;
import dev.lamina.idempotency.IdempotencyException;
import dev.lamina.idempotency.IdempotencyKeyMissingException;
import dev.lamina.idempotency.MissingKeyPolicy;
import dev.lamina.idempotency.ResultFormat;
import java.lang.reflect.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idempotency for a whole invocation, as an interceptor: takes the key (scoped to the caller if
 * configured) and the hash of the validated part of the input, namespaces the key, and runs the
 * rest of the chain through the {@link IdempotencyEngine}. Its construction is part of init and
 * rejects, with one message each, what would break idempotency silently: a handler class whose
 * name changes on every JVM start, and a key that picks one record of a batch event.
 *
 * <p>Thread-safe: all per-invocation state is on the stack.
 */
public final class IdempotencyInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(IdempotencyInterceptor.class);

  private final IdempotencyConfig config;
  private final IdempotencyEngine engine;
  private final PayloadCodec codec;
  private final ResultFormat<Object> format;
  private final Class<?> handlerClass;
  private final JsonPointerPath validatePath;
  private final ValidatedPart.Kind kind;
  private final boolean fixedOrderInput;

  /**
   * @param config the settings
   * @param codec writes inputs, writes and reads stored results
   * @param inputType the handler's input type: fixes the validated part, and batch events reject
   *     keys into their records
   * @param outputType the handler's output type, to read stored results back as
   * @param handlerClass names the namespace, unless the configuration gives one
   * @throws IdempotencyException if the handler class's name is not stable across JVM starts and
   *     no namespace is set, or the key picks one record of a batch event
   */
  public IdempotencyInterceptor(IdempotencyConfig config, PayloadCodec codec, Type inputType,
      Type outputType, Class<?> handlerClass) {
    IdempotencyEngine.requireStableNamespace(handlerClass, config.namespace());
    if (ValidatedPart.isBatchEvent(inputType) && config.key() instanceof PathKey
        && ((PathKey) config.key()).path().startsAtRecords()) {
      throw new IdempotencyException("Key [" + config.key() + "] picks one record of a ["
          + inputType.getTypeName() + "] batch: a redelivered record arrives in another batch, so"
          + " this key would not find it; make each record idempotent instead, with"
          + " framework-batch's per-record idempotency");
    }
    this.config = config;
    this.engine = IdempotencyEngine.create(config);
    this.codec = codec;
    this.format = ResultFormat.json(codec, outputType);
    this.handlerClass = handlerClass;
    this.validatePath = config.validatePath() == null ? null
        : JsonPointerPath.compile(config.validatePath());
    this.kind = ValidatedPart.kindOf(inputType);
    this.fixedOrderInput = kind == ValidatedPart.Kind.WHOLE
        && FixedOrderTypes.isFixedOrder(inputType);
  }

  @Override
  public Object intercept(Chain chain) throws Exception {
    Invocation invocation = chain.invocation();
    Payload payload = new Payload(chain.input(), invocation, codec);
    String key = config.key().keyOf(payload);
    String caller = null;
    if (key != null && !key.isBlank() && config.scopeToCaller()) {
      caller = CallerScope.of(payload.json());
      key = caller == null ? null : caller + "\n" + key;
    }
    if (key == null || key.isBlank()) {
      String extractor = config.key() + (config.scopeToCaller() && caller == null
          ? " scoped to the caller, and the request has no authenticated caller" : "");
      if (config.missingKey() == MissingKeyPolicy.PASS_THROUGH) {
        log.debug("No idempotency key found with [{}]; running without idempotency", extractor);
        return chain.proceed();
      }
      throw new IdempotencyKeyMissingException(extractor);
    }
    String id = IdempotencyEngine.recordId(namespace(invocation), key);
    String hash = config.validatePayload() ? payloadHash(payload) : null;
    return engine.execute(IdempotencyEngine.Call.of(id, hash, invocation), format, chain::proceed);
  }

  private String payloadHash(Payload payload) {
    if (validatePath == null && fixedOrderInput) {
      return Hashes.sha256(payload.bytes()); // already canonical: see FixedOrderTypes
    }
    if (validatePath == null && kind == ValidatedPart.Kind.WHOLE && !payload.hasTree()) {
      // The whole input, and no key needed its tree: stream its JSON into the hash.
      String hash = CanonicalHash.ofJson(payload.bytes());
      return hash != null ? hash : Hashes.sha256(payload.bytes());
    }
    JsonNode tree = payload.json();
    if (tree.isMissingNode() && validatePath == null) {
      return Hashes.sha256(payload.bytes()); // a raw input that is not JSON: its exact bytes
    }
    return CanonicalHash.of(validatePath != null ? validatePath.nodeAt(tree)
        : ValidatedPart.of(kind, tree));
  }

  private String namespace(Invocation invocation) {
    return config.namespace() != null ? config.namespace()
        : IdempotencyEngine.namespace(invocation.functionName(), handlerClass);
  }

  @Override
  public String name() {
    return "Idempotency";
  }
}
