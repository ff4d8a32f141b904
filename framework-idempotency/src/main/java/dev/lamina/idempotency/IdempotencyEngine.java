package dev.lamina.idempotency;

import dev.lamina.core.Invocation;
import dev.lamina.core.metrics.InvocationMetrics;
import dev.lamina.core.metrics.LaminaMetric;
import dev.lamina.idempotency.IdempotencyStore.ClaimResult;
import dev.lamina.idempotency.internal.Hashes;
import dev.lamina.idempotency.internal.RecordCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-key idempotency protocol, for any caller and any {@link IdempotencyStore}: {@code
 * @Idempotent}, the decorators and the proxy handler use it for whole invocations, and batch
 * processing uses it per record. One call of {@link #execute} runs the work at most once per
 * record id, across every execution environment sharing the store:
 *
 * <ol>
 *   <li>A completed record in the local cache is replayed: no store call.
 *   <li>One conditional write claims the id, with a fresh owner token. If the store refuses it,
 *       the record holding the id comes back in the same round trip: a different payload hash is
 *       rejected ({@link IdempotencyPayloadMismatchException}); a completed record is replayed; an
 *       in-progress one fails fast ({@link IdempotencyInProgressException}) or is polled until it
 *       completes, and claimed again if it was released or lapsed meanwhile. A refused write whose
 *       holder carries this call's own token (the SDK retried a write that had succeeded) is this
 *       call's claim. A refused write whose holder is gone when read is tried again: the work
 *       never runs without a claim.
 *   <li>With the claim held the work runs. If it throws, the claim is released (only if it is
 *       still this owner's) and the very same exception is rethrown. If it returns, the result is
 *       stored with the record, only if the claim is still this owner's, and returned.
 * </ol>
 *
 * <p>Round trips: a new id costs 2 (claim, complete), a repeat 1 (the refused claim returns the
 * record), a repeat from the local cache 0, a failing work 2 (claim, release).
 *
 * <p>Time: a claim lapses at the call's deadline minus the in-progress margin; its {@code
 * expiration} (the TTL attribute) is never earlier than that, whatever the expiry. A waiting
 * duplicate stops waiting so that, should it end up claiming the id, it still has the call's
 * reserve (the time guard's margin) or the configured minimum run time left before the deadline.
 *
 * <p>When storing the result fails (any exception from the store), the caller still gets the
 * result and one warning is logged; the record stays in progress until its claim lapses at the
 * deadline, so duplicates are rejected as in progress until then and run again after it.
 *
 * <p>Immutable and thread-safe; create one per handler (or per batch function) during init, since
 * it holds the local cache.
 *
 * <pre>{@code
 * IdempotencyEngine engine = IdempotencyEngine.create(config, store);
 * String id = IdempotencyEngine.recordId("payments", message.getMessageId());
 * Receipt receipt = engine.execute(IdempotencyEngine.Call.of(id, hash, invocation),
 *     ResultFormat.json(codec, Receipt.class), () -> charge(message));
 * }</pre>
 */
public final class IdempotencyEngine {
  private static final Logger log = LoggerFactory.getLogger(IdempotencyEngine.class);
  private static final Duration FIRST_POLL = Duration.ofMillis(50);
  private static final Duration MAX_POLL = Duration.ofSeconds(1);

  /** The first backoff ceiling after the store stays throttled past the SDK's own retries. */
  private static final long THROTTLE_BASE_MILLIS = 50;

  /** The largest backoff ceiling for a throttled store. */
  private static final long THROTTLE_CAP_MILLIS = 1_000;

  /** The longest one store operation is retried after throttling, whatever time is left. */
  static final Duration THROTTLE_BUDGET = Duration.ofSeconds(5);

  /** Refused writes in a row whose holder vanished before the engine reports contention. */
  private static final int MAX_VANISHED_HOLDERS = 3;

  private final IdempotencyStore store;
  private final Duration expiry;
  private final Duration inProgressMargin;
  private final Duration waitForInProgress;
  private final Duration minimumRunTime;
  private final dev.lamina.core.Sleeper sleeper;
  private final RecordCache cache;

  private IdempotencyEngine(
      IdempotencyConfig config, IdempotencyStore store, dev.lamina.core.Sleeper sleeper) {
    this.store = store;
    this.expiry = config.expiry();
    this.inProgressMargin = config.inProgressMargin();
    this.waitForInProgress = config.waitForInProgress();
    this.minimumRunTime = config.minimumRunTime();
    this.sleeper = config.sleeper(sleeper);
    this.cache = new RecordCache(config.localCacheSize());
  }

  /**
   * An engine with the store, expiry, in-progress and waiting settings and the local cache of a
   * configuration (its key, validation and namespace settings are the caller's business).
   *
   * @param config the settings; not {@code null}
   * @param store where records live; not {@code null}
   * @return a new engine with its own local cache
   */
  public static IdempotencyEngine create(IdempotencyConfig config, IdempotencyStore store) {
    return create(config, store, dev.lamina.core.Sleeper.system());
  }

  /**
   * As {@link #create(IdempotencyConfig, IdempotencyStore)}, waiting with {@code sleeper} unless
   * the configuration gives its own: a handler passes its environment's.
   *
   * @param config the settings; not {@code null}
   * @param store where records live; not {@code null}
   * @param sleeper waits between polls and after throttling; not {@code null}
   * @return a new engine with its own local cache
   */
  public static IdempotencyEngine create(
      IdempotencyConfig config, IdempotencyStore store, dev.lamina.core.Sleeper sleeper) {
    return new IdempotencyEngine(
        Objects.requireNonNull(config, "config"),
        Objects.requireNonNull(store, "store"),
        Objects.requireNonNull(sleeper, "sleeper"));
  }

  /**
   * The record id of a key: the namespace, {@code #}, and the SHA-256 of the key, so stored ids
   * carry no payload values and namespaces keep functions apart in a shared table.
   *
   * @param namespace the namespace; not {@code null}
   * @param key the key; not {@code null}
   * @return the record id
   */
  public static String recordId(String namespace, String key) {
    return Objects.requireNonNull(namespace, "namespace")
        + "#"
        + Hashes.sha256(Objects.requireNonNull(key, "key"));
  }

  /**
   * The default namespace of a handler's keys: the function name (or {@code local} outside
   * Lambda), a dot, and the handler class's name.
   *
   * @param functionName the function name; may be {@code null}
   * @param handlerClass the handler class; not {@code null}
   * @return the namespace
   */
  public static String namespace(String functionName, Class<?> handlerClass) {
    return (functionName == null || functionName.isEmpty() ? "local" : functionName)
        + "."
        + handlerClass.getName();
  }

  /**
   * Checks, at init, that a handler class can name a namespace: a lambda, method reference or
   * other generated class has a name that changes on every JVM start, so records written in one
   * execution environment would not be found in another.
   *
   * @param handlerClass the class that would name the namespace
   * @param namespace the explicit namespace, or {@code null} if none is configured
   * @throws IdempotencyException if there is no namespace and the class's name is not stable
   */
  public static void requireStableNamespace(Class<?> handlerClass, String namespace) {
    if (namespace == null && (handlerClass.isHidden() || handlerClass.isSynthetic())) {
      throw new IdempotencyException(
          "Idempotency for ["
              + handlerClass.getName()
              + "] needs an"
              + " explicit namespace: it is a lambda, method reference or other generated class, whose"
              + " name changes on every JVM start, so records written in one execution environment"
              + " would not be found in another; set IdempotencyConfig.custom().namespace(\"orders\")"
              + " (or @Idempotent(namespace = ..))");
    }
  }

  /**
   * One call of the protocol. Immutable.
   *
   * @param recordId the record id (see {@link #recordId(String, String)}); not {@code null}
   * @param payloadHash the hash of what the caller sent, checked against the stored one; {@code
   *     null} to skip the check
   * @param deadline when the caller's time runs out (the invocation's deadline); not {@code null}
   * @param reserve time to leave before the deadline when waiting for a duplicate in progress
   *     (the time guard's margin); not {@code null}, not negative
   * @param clock the clock "now" is read from; not {@code null}
   */
  public record Call(
      String recordId, String payloadHash, Instant deadline, Duration reserve, Clock clock) {

    /** Checks the fields. */
    public Call {
      Objects.requireNonNull(recordId, "recordId");
      Objects.requireNonNull(deadline, "deadline");
      Objects.requireNonNull(reserve, "reserve");
      Objects.requireNonNull(clock, "clock");
      if (reserve.isNegative()) {
        throw new IllegalArgumentException("[reserve] must be zero or more, was " + reserve);
      }
    }

    /**
     * A call within an invocation: its deadline, its clock, and as reserve the safety margin of
     * its time guard ({@link Invocation#SAFETY_MARGIN}, zero without one).
     */
    public static Call of(String recordId, String payloadHash, Invocation invocation) {
      return new Call(
          recordId,
          payloadHash,
          invocation.deadline(),
          invocation.attribute(Invocation.SAFETY_MARGIN).orElse(Duration.ZERO),
          invocation.clock());
    }
  }

  /**
   * Runs {@code work} once per record id, or returns the result its first run stored.
   *
   * @param call the record id, payload hash, deadline, reserve and clock; not {@code null}
   * @param format how the result is stored and read back; not {@code null}
   * @param work the work; runs at most once per call, only with the claim held
   * @param <T> the result type
   * @return the work's result, or the stored result of the first run
   * @throws IdempotencyPayloadMismatchException if the id was used with another payload hash
   * @throws IdempotencyInProgressException if another call holds the id (after waiting, if
   *     configured)
   * @throws IdempotencyResultUnavailableException if the first run's result was not stored
   * @throws IdempotencyStoreException if the claim failed; the work did not run
   * @throws Exception whatever the work threw, unchanged, after its claim was released
   */
  public <T> T execute(Call call, ResultFormat<T> format, Callable<? extends T> work)
      throws Exception {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(work, "work");
    Clock clock = call.clock();
    Instant now = clock.instant();
    IdempotencyRecord cached = cache.get(call.recordId(), now);
    if (cached != null) {
      checkPayload(cached, call.payloadHash());
      return replay(cached, format);
    }
    Instant waitUntil = waitUntil(call, now);
    Duration pause = FIRST_POLL;
    int vanished = 0;
    while (true) {
      IdempotencyRecord claim = newClaim(call, now);
      ClaimResult result =
          throttleSafe(call, runBy(call), () -> store.claim(claim, clock.instant()));
      if (result.outcome() == ClaimResult.Outcome.HOLDER_GONE) {
        if (++vanished > MAX_VANISHED_HOLDERS) {
          throw new IdempotencyInProgressException(call.recordId(), null);
        }
        now = clock.instant();
        continue;
      }
      if (result.outcome() == ClaimResult.Outcome.CLAIMED
          || result.holder().isOwnedBy(claim.owner())) {
        // Claimed; or our own write, retried by the SDK after the first attempt had succeeded.
        return runClaimed(call, claim, format, work);
      }
      IdempotencyRecord existing = result.holder();
      // Poll while the first call is in progress; claim again once it is gone or has lapsed.
      while (true) {
        checkPayload(existing, call.payloadHash());
        if (existing.status() == IdempotencyStatus.COMPLETED) {
          cache.put(existing);
          return replay(existing, format);
        }
        if (!now.plus(pause).isBefore(waitUntil)) {
          throw new IdempotencyInProgressException(call.recordId(), existing.inProgressExpiry());
        }
        try {
          sleeper.sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IdempotencyInProgressException(call.recordId(), existing.inProgressExpiry());
        }
        pause = min(pause.multipliedBy(2), MAX_POLL);
        Optional<IdempotencyRecord> fetched =
            throttleSafe(call, waitUntil, () -> store.fetch(call.recordId()));
        now = clock.instant();
        if (fetched.isEmpty() || fetched.get().isClaimableAt(now)) {
          break;
        }
        existing = fetched.get();
      }
    }
  }

  /**
   * Runs {@code work} as {@link #execute(Call, ResultFormat, Callable)} does, and counts the
   * outcome in {@code metrics}: a replay of a stored result ({@link
   * LaminaMetric#IDEMPOTENCY_REPLAYS}), a duplicate rejected while the first is in progress
   * ({@link LaminaMetric#IDEMPOTENCY_IN_PROGRESS}) or a payload mismatch ({@link
   * LaminaMetric#IDEMPOTENCY_MISMATCHES}). What {@code work} itself throws is not counted.
   *
   * @param call the record id, payload hash, deadline, reserve and clock; not {@code null}
   * @param format how the result is stored and read back; not {@code null}
   * @param work the work; runs at most once per call, only with the claim held
   * @param metrics where to count the outcome, usually {@link Invocation#metrics()}; not {@code
   *     null}
   * @param <T> the result type
   * @return the work's result, or the stored result of the first run
   * @throws Exception as {@link #execute(Call, ResultFormat, Callable)}
   */
  public <T> T execute(
      Call call, ResultFormat<T> format, Callable<? extends T> work, InvocationMetrics metrics)
      throws Exception {
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(work, "work");
    AtomicBoolean ran = new AtomicBoolean();
    T result;
    try {
      result =
          execute(
              call,
              format,
              () -> {
                ran.set(true);
                return work.call();
              });
    } catch (IdempotencyInProgressException e) {
      if (!ran.get()) {
        metrics.count(LaminaMetric.IDEMPOTENCY_IN_PROGRESS, 1);
      }
      throw e;
    } catch (IdempotencyPayloadMismatchException e) {
      if (!ran.get()) {
        metrics.count(LaminaMetric.IDEMPOTENCY_MISMATCHES, 1);
      }
      throw e;
    }
    if (!ran.get()) {
      metrics.count(LaminaMetric.IDEMPOTENCY_REPLAYS, 1);
    }
    return result;
  }

  /** The latest moment a claim may still be tried: leave room to run the work after it. */
  private Instant runBy(Call call) {
    return call.deadline().minus(max(call.reserve(), minimumRunTime));
  }

  /**
   * Runs one store operation, and when the store answers {@link
   * IdempotencyStoreException.Reason#THROTTLED throttled} (the SDK's own retries spent: a hot key
   * under a duplicate storm), tries again after a jittered exponential backoff (uniform between
   * zero and {@code min(1 s, 50 ms * 2^n)}) until {@code until}, and for {@link #THROTTLE_BUDGET}
   * at most, so a table that stays throttled fails fast enough to be seen. A throttled request was not
   * executed by DynamoDB, so trying it again is safe; a claim keeps its owner token, so a write
   * that did succeed is recognised as ours.
   *
   * @throws IdempotencyStoreException the last throttled failure, if {@code until} comes first,
   *     or any other store failure at once
   */
  private <T> T throttleSafe(Call call, Instant until, Supplier<T> operation) {
    int failures = 0;
    Instant stop = min(until, call.clock().instant().plus(THROTTLE_BUDGET));
    while (true) {
      try {
        return operation.get();
      } catch (IdempotencyStoreException e) {
        if (e.reason() != IdempotencyStoreException.Reason.THROTTLED) {
          throw e;
        }
        failures++;
        long ceiling =
            Math.min(THROTTLE_CAP_MILLIS, THROTTLE_BASE_MILLIS << Math.min(failures - 1, 20));
        Duration wait =
            Duration.ofMillis(
                Math.max(1, (long) (ThreadLocalRandom.current().nextDouble() * ceiling)));
        if (!call.clock().instant().plus(wait).isBefore(stop)) {
          throw e;
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** The latest moment a duplicate may still be waiting: leave room to run after it. */
  private Instant waitUntil(Call call, Instant now) {
    Duration reserve = max(call.reserve(), minimumRunTime);
    return min(now.plus(waitForInProgress), call.deadline().minus(reserve));
  }

  private IdempotencyRecord newClaim(Call call, Instant now) {
    Instant deadline = call.deadline();
    Instant lapse = deadline.minus(inProgressMargin);
    if (!lapse.isAfter(now)) {
      lapse = deadline.isAfter(now) ? deadline : now.plusMillis(1);
    }
    lapse = lapse.truncatedTo(ChronoUnit.MILLIS);
    // The TTL attribute (whole seconds) never before the lapse: neither DynamoDB's TTL deletion
    // nor a short expiry may free the key while its owner may still run.
    Instant lapseInSeconds = lapse.truncatedTo(ChronoUnit.SECONDS);
    if (lapseInSeconds.isBefore(lapse)) {
      lapseInSeconds = lapseInSeconds.plusSeconds(1);
    }
    return new IdempotencyRecord(
        call.recordId(),
        IdempotencyStatus.IN_PROGRESS,
        max(now.plus(expiry), lapseInSeconds),
        lapse,
        call.payloadHash(),
        null,
        UUID.randomUUID().toString());
  }

  private <T> T runClaimed(
      Call call, IdempotencyRecord claim, ResultFormat<T> format, Callable<? extends T> work)
      throws Exception {
    T result;
    try {
      result = work.call();
    } catch (Throwable failure) {
      release(call, claim);
      throw failure;
    }
    complete(call, claim, format, result);
    return result;
  }

  private void release(Call call, IdempotencyRecord claim) {
    try {
      throttleSafe(
          call,
          call.deadline().minus(call.reserve()),
          () -> {
            store.release(claim);
            return null;
          });
    } catch (RuntimeException e) {
      log.atWarn()
          .addKeyValue("idempotency_record", claim.id())
          .addKeyValue("in_progress_expiry", claim.inProgressExpiry())
          .log(
              "Could not release idempotency claim [{}] after the work failed ({}); retries are"
                  + " rejected as in progress until the claim lapses",
              claim.id(),
              describe(e));
    }
  }

  private <T> void complete(Call call, IdempotencyRecord claim, ResultFormat<T> format, T result) {
    String data = serialise(claim.id(), format, result);
    IdempotencyRecord completed = claim.completed(call.clock().instant().plus(expiry), data);
    boolean stored;
    try {
      stored =
          throttleSafe(
              call, call.deadline().minus(call.reserve()), () -> store.complete(completed));
    } catch (RuntimeException e) {
      log.atWarn()
          .addKeyValue("idempotency_record", claim.id())
          .log(
              "Could not store the result of idempotency key [{}] ({}); the result is returned,"
                  + " the record stays in progress, so duplicates are rejected as in progress until"
                  + " the claim lapses at {} and run again after it",
              claim.id(),
              describe(e),
              claim.inProgressExpiry());
      return;
    }
    if (!stored) {
      log.atWarn()
          .addKeyValue("idempotency_record", claim.id())
          .log(
              "The claim on idempotency key [{}] lapsed at {} and is no longer this"
                  + " invocation's; its result is returned but not stored, so the record keeps the"
                  + " result of the invocation that holds it now",
              claim.id(),
              claim.inProgressExpiry());
      return;
    }
    cache.put(completed);
  }

  private <T> String serialise(String id, ResultFormat<T> format, T result) {
    String data;
    try {
      data = format.write(result);
    } catch (RuntimeException e) {
      log.atWarn()
          .addKeyValue("idempotency_record", id)
          .log(
              "The result of idempotency key [{}] cannot be serialised ({}); the record is completed"
                  + " without it, and duplicates get IdempotencyResultUnavailableException",
              id,
              e.getClass().getName());
      return null;
    }
    long bytes = utf8Length(data);
    if (bytes > store.maxDataBytes()) {
      log.atWarn()
          .addKeyValue("idempotency_record", id)
          .addKeyValue("result_bytes", bytes)
          .addKeyValue("max_result_bytes", store.maxDataBytes())
          .log(
              "The result of idempotency key [{}] is {} bytes, more than the store keeps ({}); the"
                  + " record is completed without it, and duplicates get"
                  + " IdempotencyResultUnavailableException",
              id,
              bytes,
              store.maxDataBytes());
      return null;
    }
    return data;
  }

  private static <T> T replay(IdempotencyRecord record, ResultFormat<T> format) {
    if (record.data() == null) {
      throw new IdempotencyResultUnavailableException(record.id());
    }
    return format.read(record.data());
  }

  private static void checkPayload(IdempotencyRecord record, String hash) {
    if (hash != null && record.payloadHash() != null && !hash.equals(record.payloadHash())) {
      throw new IdempotencyPayloadMismatchException(record.id());
    }
  }

  /** The failure's type, and for store failures why and where; never a message that may quote. */
  private static String describe(RuntimeException e) {
    if (e instanceof IdempotencyStoreException) {
      IdempotencyStoreException s = (IdempotencyStoreException) e;
      return s.reason() + ": " + s.operation();
    }
    return e.getClass().getName();
  }

  /** UTF-8 length without encoding. */
  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static <T extends Comparable<? super T>> T min(T a, T b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static <T extends Comparable<? super T>> T max(T a, T b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public String toString() {
    return "IdempotencyEngine[" + store + "]";
  }
}
