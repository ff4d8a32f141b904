package dev.lamina.core;

import java.time.Duration;

/**
 * The invocation is too close to its deadline to start more work: the remaining time has reached
 * the configured safety margin. Thrown by {@link Invocation#checkRemainingTime()} so long work
 * can stop cleanly before Lambda kills the environment.
 */
public final class RemainingTimeExceededException extends LaminaException {
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
}
