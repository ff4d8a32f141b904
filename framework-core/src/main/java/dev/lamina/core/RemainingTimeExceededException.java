package dev.lamina.core;

import dev.lamina.core.http.Problem;
import dev.lamina.core.http.ProblemSource;
import java.time.Duration;

/**
 * The invocation is too close to its deadline to start more work: the remaining time has reached
 * the configured safety margin. Thrown by {@link Invocation#checkRemainingTime()} so long work
 * can stop cleanly before Lambda kills the environment. An HTTP handler answers it as 503 Service
 * Unavailable ({@link #problem()}) instead of failing the invocation, which API Gateway would turn
 * into a bare 502; it is still logged at {@code ERROR}.
 */
public final class RemainingTimeExceededException extends LaminaException implements ProblemSource {
  private static final long serialVersionUID = 1L;

  private final Duration remaining;
  private final Duration margin;

  /**
   * @param requestId the invocation's request id
   * @param elapsed time since the invocation started
   * @param remaining time left until the deadline
   * @param margin the safety margin that was reached
   */
  public RemainingTimeExceededException(
      String requestId, Duration elapsed, Duration remaining, Duration margin) {
    super(
        "Invocation ["
            + requestId
            + "] has "
            + remaining.toMillis()
            + " ms left after "
            + elapsed.toMillis()
            + " ms, within its safety margin of "
            + margin.toMillis()
            + " ms: stop work now, or lower the margin in @TimeGuard / TimeGuardConfig");
    this.remaining = remaining;
    this.margin = margin;
  }

  /** Time left when the check failed. */
  public Duration remaining() {
    return remaining;
  }

  /** The margin that was reached. */
  public Duration margin() {
    return margin;
  }

  /**
   * 503 Service Unavailable, without {@code Retry-After}: the same request may need the same
   * time again, so when to retry is the caller's call. Names no request value.
   *
   * @return the problem
   */
  @Override
  public Problem problem() {
    return Problem.builder(503)
        .detail("The request could not be completed within the function's time limit")
        .build();
  }
}
