package dev.lamina.test;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@link Context} for unit tests, built once and immutable.
 *
 * <p>{@link #getRemainingTimeInMillis()} is computed on every call from the deadline and the
 * {@link Clock} given to the builder, so a test controls it with a {@link MutableClock}. The deadline
 * is either set directly ({@link Builder#deadline(Instant)}) or computed at {@link Builder#build()}
 * as the clock's time plus the timeout (30 s by default).
 *
 * <p>Defaults: a random UUID request id, function name {@code test-function}, version
 * {@code $LATEST}, 512 MB, an ARN built from the function name
 * ({@code arn:aws:lambda:us-east-1:123456789012:function:test-function}), log group
 * {@code /aws/lambda/<function name>}, a fresh {@link RecordingLambdaLogger}, the system UTC clock.
 * {@link #getIdentity()}, {@link #getClientContext()}, {@link #getXrayTraceId()} and
 * {@link #getTenantId()} return null unless set.
 *
 * <p>Thread-safe: the context is immutable; its logger and clock are whatever was given.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.atSystemTime();
 * FakeContext context = FakeContext.builder()
 *         .functionName("orders")
 *         .timeout(Duration.ofSeconds(10))
 *         .clock(clock)
 *         .build();
 * clock.advance(Duration.ofSeconds(9));
 * assertEquals(1_000, context.getRemainingTimeInMillis());
 * }</pre>
 */
public final class FakeContext implements Context {

  /** The account id used in default ARNs. */
  public static final String DEFAULT_ACCOUNT_ID = "123456789012";

  /** The region used in default ARNs. */
  public static final String DEFAULT_REGION = "us-east-1";

  private final String awsRequestId;
  private final String logGroupName;
  private final String logStreamName;
  private final String functionName;
  private final String functionVersion;
  private final String invokedFunctionArn;
  private final CognitoIdentity identity;
  private final ClientContext clientContext;
  private final int memoryLimitInMB;
  private final LambdaLogger logger;
  private final String xrayTraceId;
  private final String tenantId;
  private final Instant deadline;
  private final Clock clock;

  private FakeContext(Builder b, Instant deadline) {
    this.awsRequestId = b.awsRequestId != null ? b.awsRequestId : UUID.randomUUID().toString();
    this.functionName = b.functionName;
    this.functionVersion = b.functionVersion;
    this.invokedFunctionArn =
        b.invokedFunctionArn != null ? b.invokedFunctionArn : defaultArn(b.functionName);
    this.logGroupName = b.logGroupName != null ? b.logGroupName : "/aws/lambda/" + b.functionName;
    this.logStreamName =
        b.logStreamName != null
            ? b.logStreamName
            : "2026/01/01/["
                + b.functionVersion
                + "]"
                + UUID.randomUUID().toString().replace("-", "");
    this.identity = b.identity;
    this.clientContext = b.clientContext;
    this.memoryLimitInMB = b.memoryLimitInMB;
    this.logger = b.logger != null ? b.logger : new RecordingLambdaLogger();
    this.xrayTraceId = b.xrayTraceId;
    this.tenantId = b.tenantId;
    this.deadline = deadline;
    this.clock = b.clock;
  }

  /** A new builder with the defaults described on {@link FakeContext}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A context with every default, a 30 s timeout from now on the system clock. */
  public static FakeContext create() {
    return builder().build();
  }

  static String defaultArn(String functionName) {
    return "arn:aws:lambda:"
        + DEFAULT_REGION
        + ":"
        + DEFAULT_ACCOUNT_ID
        + ":function:"
        + functionName;
  }

  @Override
  public String getAwsRequestId() {
    return awsRequestId;
  }

  @Override
  public String getLogGroupName() {
    return logGroupName;
  }

  @Override
  public String getLogStreamName() {
    return logStreamName;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return functionVersion;
  }

  @Override
  public String getInvokedFunctionArn() {
    return invokedFunctionArn;
  }

  /** The identity given to the builder, or null. */
  @Override
  public CognitoIdentity getIdentity() {
    return identity;
  }

  /** The client context given to the builder, or null. */
  @Override
  public ClientContext getClientContext() {
    return clientContext;
  }

  /**
   * Milliseconds from the clock's current time to the deadline; 0 once the deadline has passed,
   * {@link Integer#MAX_VALUE} if the deadline is further away than that.
   */
  @Override
  public int getRemainingTimeInMillis() {
    long remaining = Duration.between(clock.instant(), deadline).toMillis();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryLimitInMB;
  }

  /** The logger given to the builder, or the {@link RecordingLambdaLogger} made for this context. */
  @Override
  public LambdaLogger getLogger() {
    return logger;
  }

  /** The X-Ray trace id given to the builder, or null. */
  @Override
  public String getXrayTraceId() {
    return xrayTraceId;
  }

  /** The tenant id given to the builder, or null. */
  @Override
  public String getTenantId() {
    return tenantId;
  }

  /** The instant at which the remaining time reaches zero. */
  public Instant deadline() {
    return deadline;
  }

  /**
   * The logger as a {@link RecordingLambdaLogger}.
   *
   * @throws IllegalStateException if another kind of logger was given to the builder
   */
  public RecordingLambdaLogger recordingLogger() {
    if (logger instanceof RecordingLambdaLogger) {
      return (RecordingLambdaLogger) logger;
    }
    throw new IllegalStateException(
        "[FakeContext] was built with logger ["
            + logger.getClass().getName()
            + "], not a RecordingLambdaLogger: keep a reference to the logger you passed instead");
  }

  /** A builder that starts from this context's values; the deadline is kept unless changed. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.awsRequestId = awsRequestId;
    b.functionName = functionName;
    b.functionVersion = functionVersion;
    b.invokedFunctionArn = invokedFunctionArn;
    b.logGroupName = logGroupName;
    b.logStreamName = logStreamName;
    b.identity = identity;
    b.clientContext = clientContext;
    b.memoryLimitInMB = memoryLimitInMB;
    b.logger = logger;
    b.xrayTraceId = xrayTraceId;
    b.tenantId = tenantId;
    b.deadline = deadline;
    b.clock = clock;
    return b;
  }

  @Override
  public String toString() {
    return "FakeContext[requestId="
        + awsRequestId
        + ", function="
        + functionName
        + ":"
        + functionVersion
        + ", deadline="
        + deadline
        + "]";
  }

  /**
   * Builds a {@link FakeContext}. Not thread-safe; setters reject null where the context needs a
   * value, and {@link #build()} checks the numbers.
   */
  public static final class Builder {
    private String awsRequestId;
    private String functionName = "test-function";
    private String functionVersion = "$LATEST";
    private String invokedFunctionArn;
    private String logGroupName;
    private String logStreamName;
    private CognitoIdentity identity;
    private ClientContext clientContext;
    private int memoryLimitInMB = 512;
    private LambdaLogger logger;
    private String xrayTraceId;
    private String tenantId;
    private Duration timeout = Duration.ofSeconds(30);
    private Instant deadline;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder requestId(String requestId) {
      this.awsRequestId = Objects.requireNonNull(requestId, "requestId");
      return this;
    }

    /** Also the default for the ARN and the log group, unless those are set. */
    public Builder functionName(String functionName) {
      this.functionName = Objects.requireNonNull(functionName, "functionName");
      return this;
    }

    public Builder functionVersion(String functionVersion) {
      this.functionVersion = Objects.requireNonNull(functionVersion, "functionVersion");
      return this;
    }

    public Builder invokedFunctionArn(String invokedFunctionArn) {
      this.invokedFunctionArn = Objects.requireNonNull(invokedFunctionArn, "invokedFunctionArn");
      return this;
    }

    public Builder logGroupName(String logGroupName) {
      this.logGroupName = Objects.requireNonNull(logGroupName, "logGroupName");
      return this;
    }

    public Builder logStreamName(String logStreamName) {
      this.logStreamName = Objects.requireNonNull(logStreamName, "logStreamName");
      return this;
    }

    /** May be null (the default). */
    public Builder identity(CognitoIdentity identity) {
      this.identity = identity;
      return this;
    }

    /** May be null (the default). */
    public Builder clientContext(ClientContext clientContext) {
      this.clientContext = clientContext;
      return this;
    }

    /** Between 128 and 10240, as on Lambda. */
    public Builder memoryLimitInMB(int memoryLimitInMB) {
      this.memoryLimitInMB = memoryLimitInMB;
      return this;
    }

    public Builder logger(LambdaLogger logger) {
      this.logger = Objects.requireNonNull(logger, "logger");
      return this;
    }

    /** May be null (the default). */
    public Builder xrayTraceId(String xrayTraceId) {
      this.xrayTraceId = xrayTraceId;
      return this;
    }

    /** May be null (the default). */
    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    /**
     * The deadline becomes the clock's time at {@link #build()} plus {@code timeout}; clears a
     * deadline set earlier. Must not be negative.
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      this.deadline = null;
      return this;
    }

    /** A fixed deadline; takes precedence over {@link #timeout(Duration)} set earlier. */
    public Builder deadline(Instant deadline) {
      this.deadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    /** The clock the remaining time is read from; a {@link MutableClock} in most tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @throws IllegalArgumentException if the memory is outside [128, 10240] MB or the timeout
     *     is negative
     */
    public FakeContext build() {
      if (memoryLimitInMB < 128 || memoryLimitInMB > 10_240) {
        throw new IllegalArgumentException(
            "[memoryLimitInMB] must be between 128 and 10240, was " + memoryLimitInMB);
      }
      if (deadline == null && timeout.isNegative()) {
        throw new IllegalArgumentException("[timeout] must not be negative, was " + timeout);
      }
      Instant effectiveDeadline = deadline != null ? deadline : clock.instant().plus(timeout);
      return new FakeContext(this, effectiveDeadline);
    }
  }
}
