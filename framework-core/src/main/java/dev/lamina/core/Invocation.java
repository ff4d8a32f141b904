package dev.lamina.core;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lamina.core.internal.DetachedContext;
import dev.lamina.core.metrics.InvocationMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.MDC;

/**
 * One invocation of a function: who it is for, how long it may still run, and a place for
 * interceptors and the handler to share per-invocation state.
 *
 * <p>Created by Lamina for every invocation and passed to each interceptor and to the handler.
 * It is the only object plug-ins receive, so new data reaches them without signature changes.
 * Remaining time is measured with the handler's injected {@link Clock}, against a deadline fixed
 * when the invocation starts. The attribute store is safe for concurrent use (an interceptor may
 * hand work to other threads); everything else is immutable.
 *
 * <pre>{@code
 * protected Receipt handle(Order order, Invocation invocation) {
 *   for (Item item : order.items()) {
 *     invocation.checkRemainingTime();   // throws once the safety margin is reached
 *     ship(item);
 *   }
 *   return new Receipt(invocation.requestId());
 * }
 * }</pre>
 */
public final class Invocation {

  /**
   * The safety margin used by {@link #checkRemainingTime()}. {@code @TimeGuard} (or a
   * {@link TimeGuardConfig} interceptor) sets it; without one the margin is zero.
   */
  public static final AttributeKey<Duration> SAFETY_MARGIN =
      AttributeKey.of("safetyMargin", Duration.class);

  private final Context context;
  private final Clock clock;
  private final Instant start;
  private final Instant deadline;
  private final boolean coldStart;
  private final boolean restore;
  private final String traceId;
  private final Map<AttributeKey<?>, Object> attributes = new ConcurrentHashMap<>();

  /**
   * Creates an invocation. Lamina does this; tests of interceptors may too.
   *
   * @param context the Lambda context; not {@code null}
   * @param clock the clock for remaining time; not {@code null}
   * @param coldStart whether this is the first invocation of an on-demand environment
   */
  public Invocation(Context context, Clock clock, boolean coldStart) {
    this(context, clock, coldStart, false);
  }

  /**
   * Creates an invocation that may be the first after a SnapStart restore.
   *
   * @param context the Lambda context; not {@code null}
   * @param clock the clock for remaining time; not {@code null}
   * @param coldStart whether this is the first invocation of an on-demand environment
   * @param restore whether this is the first invocation after the environment was restored from
   *     a SnapStart snapshot
   */
  public Invocation(Context context, Clock clock, boolean coldStart, boolean restore) {
    this.restore = restore;
    this.context = Objects.requireNonNull(context, "context");
    this.clock = Objects.requireNonNull(clock, "clock");
    // Remaining time first, then the clock: the runtime derives the remaining time from its own
    // read of the time, so reading ours afterwards can only put the deadline on or after the one
    // Lambda announced (late by the time between the two reads, normally under a millisecond),
    // never before it: an idempotency claim must not lapse while its invocation may still run.
    long remainingMillis = Math.max(0, context.getRemainingTimeInMillis());
    this.start = clock.instant();
    this.deadline = start.truncatedTo(ChronoUnit.MILLIS).plusMillis(remainingMillis);
    this.coldStart = coldStart;
    this.traceId = traceIdOf(context);
  }

  /**
   * An invocation outside Lambda, for code that runs a Lamina pipeline without a Lambda context
   * (a plain {@code Function}, a test): a fresh random request id, no function name, and a
   * deadline {@code timeout} from now by {@code clock}. Never a cold start.
   *
   * @param clock the clock; not {@code null}
   * @param timeout how long until the deadline; not {@code null}, not negative
   * @return the invocation
   */
  public static Invocation detached(Clock clock, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("[timeout] must be zero or more, was " + timeout);
    }
    return new Invocation(new DetachedContext(clock, timeout), clock, false);
  }

  private static String traceIdOf(Context context) {
    String id = context.getXrayTraceId();
    if (id == null || id.isEmpty()) {
      // The Java runtime also publishes it as a system property for the X-Ray SDK.
      id = System.getProperty("com.amazonaws.xray.traceHeader");
    }
    return id == null || id.isEmpty() ? null : id;
  }

  /** The Lambda request id; never {@code null}. */
  public String requestId() {
    return context.getAwsRequestId();
  }

  /** The function's name, as the runtime reports it; may be {@code null} outside Lambda. */
  public String functionName() {
    return context.getFunctionName();
  }

  /** The function's version; may be {@code null} outside Lambda. */
  public String functionVersion() {
    return context.getFunctionVersion();
  }

  /** The ARN the function was invoked with; may be {@code null} outside Lambda. */
  public String invokedFunctionArn() {
    return context.getInvokedFunctionArn();
  }

  /** The configured memory in MB. */
  public int memoryLimitInMb() {
    return context.getMemoryLimitInMB();
  }

  /** {@code true} only for the first invocation of an on-demand execution environment. */
  public boolean isColdStart() {
    return coldStart;
  }

  /**
   * {@code true} only for the first invocation after the environment was restored from a
   * SnapStart snapshot (or any CRaC checkpoint): the restore's counterpart of {@link
   * #isColdStart()}, which is {@code false} then. Logged as {@value LogFields#SNAP_START_RESTORE}
   * and counted by {@code @Metrics} as {@code SnapStartRestore}.
   */
  public boolean isRestore() {
    return restore;
  }

  /** The X-Ray trace id, if tracing is on. */
  public Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }

  /** The wrapped Lambda context; never {@code null}. */
  public Context context() {
    return context;
  }

  /** The clock this invocation measures time with; never {@code null}. */
  public Clock clock() {
    return clock;
  }

  /** When the invocation started, by {@link #clock()}. */
  public Instant startedAt() {
    return start;
  }

  /**
   * When Lambda will stop the invocation, to the millisecond: the remaining time reported at start
   * added to the clock read just after it. Never before the deadline the runtime announced; after
   * it only by the time that passed between those two reads (normally under a millisecond).
   */
  public Instant deadline() {
    return deadline;
  }

  /** Time since the invocation started; never negative. */
  public Duration elapsed() {
    Duration d = Duration.between(start, clock.instant());
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** Time left until the deadline; {@link Duration#ZERO} once it has passed, never negative. */
  public Duration remaining() {
    Duration d = Duration.between(clock.instant(), deadline);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /**
   * Throws if the remaining time has reached the safety margin configured for this invocation
   * ({@link #SAFETY_MARGIN}, set by {@code @TimeGuard}; zero if none).
   *
   * @throws RemainingTimeExceededException if {@code remaining() <= margin}
   */
  public void checkRemainingTime() {
    checkRemainingTime(attribute(SAFETY_MARGIN).orElse(Duration.ZERO));
  }

  /**
   * Throws if the remaining time has reached the given margin.
   *
   * @param margin the time to keep in reserve; not {@code null}, not negative
   * @throws RemainingTimeExceededException if {@code remaining() <= margin}
   */
  public void checkRemainingTime(Duration margin) {
    Objects.requireNonNull(margin, "margin");
    Duration left = remaining();
    if (left.compareTo(margin) <= 0) {
      throw new RemainingTimeExceededException(requestId(), elapsed(), left, margin);
    }
  }

  /**
   * Reads an attribute.
   *
   * @param key the key; not {@code null}
   * @param <T> the value type
   * @return the value, or empty if none is set
   */
  public <T> Optional<T> attribute(AttributeKey<T> key) {
    return Optional.ofNullable(key.type().cast(attributes.get(key)));
  }

  /**
   * Sets an attribute for the rest of this invocation.
   *
   * @param key the key; not {@code null}
   * @param value the value; {@code null} removes the attribute
   * @param <T> the value type
   */
  public <T> void setAttribute(AttributeKey<T> key, T value) {
    Objects.requireNonNull(key, "key");
    if (value == null) {
      attributes.remove(key);
    } else {
      attributes.put(key, key.type().cast(value));
    }
  }

  /**
   * The metrics of this invocation: written as CloudWatch metrics when the invocation ends if
   * the handler has the {@code @Metrics} feature (module {@code framework-metrics}), else a no-op.
   *
   * @return the handle; never {@code null}
   */
  public InvocationMetrics metrics() {
    Object handle = attributes.get(InvocationMetrics.KEY);
    return handle != null ? (InvocationMetrics) handle : InvocationMetrics.disabled();
  }

  /**
   * Records a correlation id (for example a client's request id taken from the event) and puts
   * it in the log context as {@value LogFields#CORRELATION_ID} for the rest of the invocation.
   * Call it on the invocation's own thread.
   *
   * @param correlationId the id; {@code null} removes it
   */
  public void setCorrelationId(String correlationId) {
    if (correlationId == null) {
      MDC.remove(LogFields.CORRELATION_ID);
    } else {
      MDC.put(LogFields.CORRELATION_ID, correlationId);
    }
  }

  @Override
  public String toString() {
    return "Invocation[" + requestId() + "]";
  }
}
