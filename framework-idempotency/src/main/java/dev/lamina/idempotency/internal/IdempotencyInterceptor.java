package dev.lamina.idempotency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.core.Interceptor;
import dev.lamina.core.Invocation;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.idempotency.IdempotencyConfig;
import dev.lamina.idempotency.IdempotencyInProgressException;
import dev.lamina.idempotency.IdempotencyKeyMissingException;
import dev.lamina.idempotency.IdempotencyPayloadMismatchException;
import dev.lamina.idempotency.IdempotencyRecord;
import dev.lamina.idempotency.IdempotencyResultUnavailableException;
import dev.lamina.idempotency.IdempotencyStatus;
import dev.lamina.idempotency.IdempotencyStore;
import dev.lamina.idempotency.IdempotencyStoreException;
import dev.lamina.idempotency.MissingKeyPolicy;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotency protocol as an interceptor.
 *
 * <ol>
 *   <li>Take the key; namespace and hash it into the record id. Hash the payload (or its part).
 *   <li>A completed record in the local cache is replayed: no store call.
 *   <li>Claim the key with one conditional write. On conflict the store returns the record that
 *       holds the key: a different payload hash is rejected; a completed record is replayed; an
 *       in-progress one fails fast, or is polled (with backoff, bounded) until it completes, and
 *       re-claimed if it was released or lapsed meanwhile.
 *   <li>With the claim held, run the rest of the chain. If it throws, release the claim and
 *       rethrow the very same exception. If it returns, store the result (or, if it cannot be
 *       stored, complete the record without it and log one warning) and return the result.
 * </ol>
 *
 * <p>Thread-safe: all per-invocation state is on the stack.
 */
public final class IdempotencyInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(IdempotencyInterceptor.class);
  private static final Duration FIRST_POLL = Duration.ofMillis(50);
  private static final Duration MAX_POLL = Duration.ofSeconds(1);

  private final IdempotencyConfig config;
  private final IdempotencyStore store;
  private final PayloadCodec codec;
  private final Type outputType;
  private final String handlerName;
  private final JsonPointerPath validatePath;
  private final RecordCache cache;

  /**
   * @param config the settings
   * @param codec writes results and inputs, reads stored results
   * @param outputType the handler's output type, to read stored results back as
   * @param handlerClass names the namespace
   */
  public IdempotencyInterceptor(IdempotencyConfig config, PayloadCodec codec, Type outputType,
      Class<?> handlerClass) {
    this.config = config;
    this.store = config.store();
    this.codec = codec;
    this.outputType = outputType;
    this.handlerName = handlerClass.getName();
    this.validatePath = config.validatePath() == null ? null
        : JsonPointerPath.compile(config.validatePath());
    this.cache = new RecordCache(config.localCacheSize());
  }

  @Override
  public Object intercept(Chain chain) throws Exception {
    Invocation invocation = chain.invocation();
    Payload payload = new Payload(chain.input(), invocation, codec);
    String key = config.key().keyOf(payload);
    if (key == null || key.isBlank()) {
      if (config.missingKey() == MissingKeyPolicy.PASS_THROUGH) {
        log.debug("No idempotency key found with [{}]; running without idempotency", config.key());
        return chain.proceed();
      }
      throw new IdempotencyKeyMissingException(config.key().toString());
    }
    String id = namespace(invocation) + "#" + Hashes.sha256(key);
    String hash = config.validatePayload() ? payloadHash(payload) : null;

    Instant now = invocation.clock().instant();
    IdempotencyRecord cached = cache.get(id, now);
    if (cached != null) {
      checkPayload(cached, hash);
      return replay(cached);
    }

    Instant waitUntil = min(now.plus(config.waitForInProgress()), invocation.deadline());
    Duration pause = FIRST_POLL;
    while (true) {
      IdempotencyRecord claim = claimRecord(id, hash, now, invocation);
      Optional<IdempotencyRecord> holder = store.claim(claim, now);
      if (holder.isEmpty()) {
        return runClaimed(chain, claim, invocation);
      }
      IdempotencyRecord existing = holder.get();
      // Poll while the first invocation is in progress; re-claim once it is gone or has lapsed.
      while (true) {
        checkPayload(existing, hash);
        if (existing.status() == IdempotencyStatus.COMPLETED) {
          cache.put(existing);
          return replay(existing);
        }
        if (config.waitForInProgress().isZero() || !now.plus(pause).isBefore(waitUntil)) {
          throw new IdempotencyInProgressException(id, existing.inProgressExpiry());
        }
        try {
          config.sleeper().sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IdempotencyInProgressException(id, existing.inProgressExpiry());
        }
        pause = min(pause.multipliedBy(2), MAX_POLL);
        Optional<IdempotencyRecord> fetched = store.fetch(id);
        now = invocation.clock().instant();
        if (fetched.isEmpty() || fetched.get().isClaimableAt(now)) {
          break;
        }
        existing = fetched.get();
      }
    }
  }

  private Object runClaimed(Chain chain, IdempotencyRecord claim, Invocation invocation)
      throws Exception {
    Object result;
    try {
      result = chain.proceed();
    } catch (Throwable failure) {
      release(claim);
      throw failure;
    }
    complete(claim, result, invocation);
    return result;
  }

  private void release(IdempotencyRecord claim) {
    try {
      store.release(claim);
    } catch (RuntimeException e) {
      log.atWarn().addKeyValue("idempotency_record", claim.id())
          .addKeyValue("in_progress_expiry", claim.inProgressExpiry())
          .log("Could not release idempotency claim [{}] after the handler failed ({}); retries are"
              + " rejected as in progress until the claim lapses", claim.id(), e.getClass().getName());
    }
  }

  private void complete(IdempotencyRecord claim, Object result, Invocation invocation) {
    String data = serialise(claim.id(), result);
    IdempotencyRecord completed =
        claim.completed(invocation.clock().instant().plus(config.expiry()), data);
    try {
      store.complete(completed);
    } catch (IdempotencyStoreException e) {
      log.atWarn().addKeyValue("idempotency_record", claim.id())
          .log("Could not store the result of idempotency key [{}] ({}: {}); the result is returned,"
              + " and duplicates are rejected as in progress until the claim lapses at {}",
              claim.id(), e.reason(), e.operation(), claim.inProgressExpiry());
      return;
    }
    cache.put(completed);
  }

  private String serialise(String id, Object result) {
    if (outputType == Void.class) {
      return "null";
    }
    byte[] bytes;
    try {
      bytes = codec.writeBytes(result);
    } catch (RuntimeException e) {
      log.atWarn().addKeyValue("idempotency_record", id)
          .log("The result of idempotency key [{}] cannot be serialised ({}); the record is completed"
              + " without it, and duplicates get IdempotencyResultUnavailableException", id,
              e.getClass().getName());
      return null;
    }
    if (bytes.length > store.maxDataBytes()) {
      log.atWarn().addKeyValue("idempotency_record", id).addKeyValue("result_bytes", bytes.length)
          .addKeyValue("max_result_bytes", store.maxDataBytes())
          .log("The result of idempotency key [{}] is {} bytes, more than the store keeps ({}); the"
              + " record is completed without it, and duplicates get"
              + " IdempotencyResultUnavailableException", id, bytes.length, store.maxDataBytes());
      return null;
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private Object replay(IdempotencyRecord record) {
    if (record.data() == null) {
      throw new IdempotencyResultUnavailableException(record.id());
    }
    if (outputType == Void.class) {
      return null;
    }
    return codec.read(record.data().getBytes(StandardCharsets.UTF_8), outputType);
  }

  private static void checkPayload(IdempotencyRecord record, String hash) {
    if (hash != null && record.payloadHash() != null && !hash.equals(record.payloadHash())) {
      throw new IdempotencyPayloadMismatchException(record.id());
    }
  }

  private IdempotencyRecord claimRecord(String id, String hash, Instant now, Invocation invocation) {
    Instant deadline = invocation.deadline();
    Instant lapse = deadline.minus(config.inProgressMargin());
    if (!lapse.isAfter(now)) {
      lapse = deadline.isAfter(now) ? deadline : now.plusMillis(1);
    }
    return new IdempotencyRecord(id, IdempotencyStatus.IN_PROGRESS, now.plus(config.expiry()),
        lapse, hash, null);
  }

  private String payloadHash(Payload payload) {
    if (validatePath != null) {
      return Hashes.sha256(CanonicalJson.bytes(validatePath.nodeAt(payload.json())));
    }
    Object input = payload.input();
    if (input instanceof java.util.Map || input instanceof JsonNode
        || input instanceof java.util.Collection) {
      // Property order is the sender's here; records and POJOs are written in a fixed order.
      return Hashes.sha256(CanonicalJson.bytes(payload.json()));
    }
    return Hashes.sha256(payload.bytes());
  }

  private String namespace(Invocation invocation) {
    if (config.namespace() != null) {
      return config.namespace();
    }
    String function = invocation.functionName();
    return (function == null || function.isEmpty() ? "local" : function) + "." + handlerName;
  }

  private static <T extends Comparable<? super T>> T min(T a, T b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public String name() {
    return "Idempotency";
  }
}
