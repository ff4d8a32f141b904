package dev.lamina.core.internal;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The context of a call outside Lambda (see {@code Invocation.detached}): a fresh random request
 * id and a deadline a given time away. Immutable.
 */
public final class DetachedContext implements Context {
  private final String requestId = UUID.randomUUID().toString();
  private final Clock clock;
  private final Instant deadline;

  /** A context whose deadline is {@code timeout} from now. */
  public DetachedContext(Clock clock, Duration timeout) {
    this.clock = clock;
    this.deadline = clock.instant().plus(timeout);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return null;
  }

  @Override
  public String getLogStreamName() {
    return null;
  }

  @Override
  public String getFunctionName() {
    return null;
  }

  @Override
  public String getFunctionVersion() {
    return null;
  }

  @Override
  public String getInvokedFunctionArn() {
    return null;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    long left = Duration.between(clock.instant(), deadline).toMillis();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
  }

  @Override
  public int getMemoryLimitInMB() {
    return 0;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        System.out.println(message);
      }

      @Override
      public void log(byte[] message) {
        System.out.println(new String(message, java.nio.charset.StandardCharsets.UTF_8));
      }
    };
  }
}
