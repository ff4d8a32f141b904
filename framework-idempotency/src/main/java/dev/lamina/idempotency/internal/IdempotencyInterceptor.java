package dev.lamina.idempotency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.Invocation;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.core.internal.EnvironmentReader;
import dev.lamina.idempotency.IdempotencyConfig;
import dev.lamina.idempotency.IdempotencyEngine;
import dev.lamina.idempotency.IdempotencyException;
import dev.lamina.idempotency.IdempotencyKeyMissingException;
import dev.lamina.idempotency.IdempotencyStore;
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
   * Adds a problem to {@code env} for each way the settings do not fit the handler: a generated
   * handler class with no namespace (its name changes on every JVM start), or a key that picks one
   * record of a batch event.
   */
  public static void checkFits(
      IdempotencyConfig config, Class<?> handlerClass, Type inputType, EnvironmentReader env) {
    try {
      IdempotencyEngine.requireStableNamespace(handlerClass, config.namespace());
    } catch (IdempotencyException e) {
      env.problem(e.getMessage());
    }
    if (ValidatedPart.isBatchEvent(inputType)
        && config.key() instanceof PathKey
        && ((PathKey) config.key()).path().startsAtRecords()) {
      env.problem(
          "Key ["
              + config.key()
              + "] picks one record of a ["
              + inputType.getTypeName()
              + "] batch: a redelivered record arrives in another batch, so"
              + " this key would not find it; make each record idempotent instead, with"
              + " framework-batch's per-record idempotency");
    }
  }

  /**
   * Checks the settings against the handler ({@link #checkFits}) and, without a store in the
   * settings, the DynamoDB store's variables, adding every problem to {@code env} after those it
   * already holds; then throws naming them all, or creates the interceptor (and the DynamoDB
   * store's client as an init-once resource of the handler).
   *
   * @param subject starts the message, such as "@Idempotent on [com.example.Orders]"
   * @throws IdempotencyException naming every problem
   */
  public static IdempotencyInterceptor create(
      IdempotencyConfig config, InitContext context, EnvironmentReader env, String subject) {
    checkFits(config, context.handlerClass(), context.inputType(), env);
    DynamoDbClients.Settings dynamo =
        config.store() == null ? DynamoDbClients.read(env, config.table()) : null;
    if (env.hasProblems()) {
      throw new IdempotencyException(env.describeProblems(subject + " cannot be set up"));
    }
    IdempotencyStore store =
        config.store() != null ? config.store() : dynamo.newStore(context.resources());
    return new IdempotencyInterceptor(
        config,
        store,
        context.codec(),
        context.inputType(),
        context.outputType(),
        context.handlerClass(),
        context.environment().sleeper());
  }

  /**
   * @param config the settings, already {@linkplain #checkFits checked} against the handler
   * @param store where records live
   * @param codec writes inputs, writes and reads stored results
   * @param inputType the handler's input type: fixes the validated part
   * @param outputType the handler's output type, to read stored results back as
   * @param handlerClass names the namespace, unless the configuration gives one
   * @param sleeper waits unless the configuration gives its own: the handler environment's
   */
  public IdempotencyInterceptor(
      IdempotencyConfig config,
      IdempotencyStore store,
      PayloadCodec codec,
      Type inputType,
      Type outputType,
      Class<?> handlerClass,
      dev.lamina.core.Sleeper sleeper) {
    this.config = config;
    this.engine = IdempotencyEngine.create(config, store, sleeper);
    this.codec = codec;
    this.format = ResultFormat.json(codec, outputType);
    this.handlerClass = handlerClass;
    this.validatePath =
        config.validatePath() == null ? null : JsonPointerPath.compile(config.validatePath());
    this.kind = ValidatedPart.kindOf(inputType);
    this.fixedOrderInput =
        kind == ValidatedPart.Kind.WHOLE && FixedOrderTypes.isFixedOrder(inputType);
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
      String extractor =
          config.key()
              + (config.scopeToCaller() && caller == null
                  ? " scoped to the caller, and the request has no authenticated caller"
                  : "");
      if (config.missingKey() == MissingKeyPolicy.PASS_THROUGH) {
        log.debug("No idempotency key found with [{}]; running without idempotency", extractor);
        return chain.proceed();
      }
      throw new IdempotencyKeyMissingException(extractor);
    }
    String id = IdempotencyEngine.recordId(namespace(invocation), key);
    String hash = config.validatePayload() ? payloadHash(payload) : null;
    return engine.execute(
        IdempotencyEngine.Call.of(id, hash, invocation),
        format,
        chain::proceed,
        invocation.metrics());
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
    return CanonicalHash.of(
        validatePath != null ? validatePath.nodeAt(tree) : ValidatedPart.of(kind, tree));
  }

  private String namespace(Invocation invocation) {
    return config.namespace() != null
        ? config.namespace()
        : IdempotencyEngine.namespace(invocation.functionName(), handlerClass);
  }

  @Override
  public String name() {
    return "Idempotency";
  }
}
