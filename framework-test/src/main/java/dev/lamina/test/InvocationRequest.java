package dev.lamina.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One event to hand to the runtime, with the headers the Runtime API sends along with it
 * ({@code Lambda-Runtime-Aws-Request-Id}, {@code -Deadline-Ms}, {@code -Invoked-Function-Arn},
 * {@code -Trace-Id}, and optionally {@code -Client-Context}, {@code -Cognito-Identity},
 * {@code Lambda-Runtime-Aws-Tenant-Id}).
 *
 * <p>Immutable and thread-safe. The payload is copied in and out. Optional headers are null when not
 * set.
 *
 * <pre>{@code
 * InvocationRequest event = InvocationRequest.builder("{\"id\":1}")
 *         .requestId("retry-of-42")
 *         .timeout(Duration.ofSeconds(3))
 *         .build();
 * InvocationResult result = lambda.invoke(event);
 * }</pre>
 */
public final class InvocationRequest {

  private final String requestId;
  private final byte[] payload;
  private final Instant deadline;
  private final String invokedFunctionArn;
  private final String traceId;
  private final String clientContext;
  private final String cognitoIdentity;
  private final String tenantId;

  private InvocationRequest(Builder b) {
    this.requestId = b.requestId != null ? b.requestId : UUID.randomUUID().toString();
    this.payload = b.payload;
    this.deadline = b.deadline != null ? b.deadline : b.clock.instant().plus(b.timeout);
    this.invokedFunctionArn = b.invokedFunctionArn;
    this.traceId = b.traceId != null ? b.traceId : newTraceId(b.clock.instant());
    this.clientContext = b.clientContext;
    this.cognitoIdentity = b.cognitoIdentity;
    this.tenantId = b.tenantId;
  }

  /** A builder for a UTF-8 JSON payload. */
  public static Builder builder(String json) {
    return builder(Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8));
  }

  /** A builder for a raw payload. */
  public static Builder builder(byte[] payload) {
    return new Builder(Objects.requireNonNull(payload, "payload").clone());
  }

  /** An X-Ray trace header in the format Lambda sends, with a random trace id, not sampled. */
  public static String newTraceId(Instant now) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format(
        "Root=1-%08x-%024x;Parent=%016x;Sampled=0",
        now.getEpochSecond(), new java.math.BigInteger(96, r), r.nextLong() & Long.MAX_VALUE);
  }

  public String requestId() {
    return requestId;
  }

  /** A copy of the payload. */
  public byte[] payload() {
    return payload.clone();
  }

  byte[] payloadUnsafe() {
    return payload;
  }

  public Instant deadline() {
    return deadline;
  }

  public String invokedFunctionArn() {
    return invokedFunctionArn;
  }

  public String traceId() {
    return traceId;
  }

  /** The raw {@code Lambda-Runtime-Client-Context} header value (JSON), or null. */
  public String clientContext() {
    return clientContext;
  }

  /** The raw {@code Lambda-Runtime-Cognito-Identity} header value (JSON), or null. */
  public String cognitoIdentity() {
    return cognitoIdentity;
  }

  /** The {@code Lambda-Runtime-Aws-Tenant-Id} header value, or null. */
  public String tenantId() {
    return tenantId;
  }

  @Override
  public String toString() {
    return "InvocationRequest["
        + requestId
        + ", "
        + payload.length
        + " bytes, deadline="
        + deadline
        + "]";
  }

  /**
   * Builds an {@link InvocationRequest}. Not thread-safe. Defaults: a random UUID request id, a deadline 30 s
   * after {@link #build()} on the system clock, the default test ARN, a random trace id.
   */
  public static final class Builder {
    private final byte[] payload;
    private String requestId;
    private Instant deadline;
    private Duration timeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private String invokedFunctionArn = FakeContext.defaultArn("test-function");
    private String traceId;
    private String clientContext;
    private String cognitoIdentity;
    private String tenantId;

    private Builder(byte[] payload) {
      this.payload = payload;
    }

    public Builder requestId(String requestId) {
      this.requestId = Objects.requireNonNull(requestId, "requestId");
      return this;
    }

    /** The deadline becomes now plus {@code timeout} at {@link #build()}; must be positive. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("[timeout] must be positive, was " + timeout);
      }
      this.timeout = timeout;
      this.deadline = null;
      return this;
    }

    public Builder deadline(Instant deadline) {
      this.deadline = Objects.requireNonNull(deadline, "deadline");
      return this;
    }

    /** The clock {@link #timeout(Duration)} is measured from; the runtime itself uses the real one. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder invokedFunctionArn(String invokedFunctionArn) {
      this.invokedFunctionArn = Objects.requireNonNull(invokedFunctionArn, "invokedFunctionArn");
      return this;
    }

    public Builder traceId(String traceId) {
      this.traceId = Objects.requireNonNull(traceId, "traceId");
      return this;
    }

    /** Raw JSON, or null for none. */
    public Builder clientContext(String clientContextJson) {
      this.clientContext = clientContextJson;
      return this;
    }

    /** Raw JSON, or null for none. */
    public Builder cognitoIdentity(String cognitoIdentityJson) {
      this.cognitoIdentity = cognitoIdentityJson;
      return this;
    }

    /** May be null for none. */
    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    public InvocationRequest build() {
      return new InvocationRequest(this);
    }
  }
}
