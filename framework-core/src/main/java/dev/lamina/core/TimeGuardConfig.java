package dev.lamina.core;

import dev.lamina.core.internal.TimeGuardInterceptor;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the remaining-time guard; the plain-Java form of {@link TimeGuard}. Immutable.
 *
 * <pre>{@code
 * RequestStreamHandler handler = Lamina.handler(Order.class, Receipt.class, this::place)
 *     .feature(TimeGuardConfig.custom()
 *         .safetyMargin(Duration.ofSeconds(2))
 *         .watchdogAt(Duration.ofMillis(500))
 *         .build())
 *     .build();
 * }</pre>
 */
public final class TimeGuardConfig implements FeatureConfig {
  /** The chain position of the time guard, the same as {@link TimeGuard}'s. */
  public static final int ORDER = 100;

  private final Duration safetyMargin;
  private final Duration watchdogAt;

  private TimeGuardConfig(Builder b) {
    this.safetyMargin = b.safetyMargin;
    this.watchdogAt = b.watchdogAt;
  }

  /** The defaults: a 1 s safety margin and a watchdog warning at 500 ms left. */
  public static TimeGuardConfig ofDefaults() {
    return custom().build();
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** Time kept in reserve before the deadline. */
  public Duration safetyMargin() {
    return safetyMargin;
  }

  /** Remaining time at which the watchdog warns; {@link Duration#ZERO} means no watchdog. */
  public Duration watchdogAt() {
    return watchdogAt;
  }

  /** {@value #ORDER}: outside configuration and idempotency, so their work is guarded too. */
  @Override
  public int order() {
    return ORDER;
  }

  /**
   * The interceptor that applies these settings; its watchdog runs on the environment's
   * {@link HandlerEnvironment#scheduler() scheduler}.
   *
   * @param context the handler's init context; not {@code null}
   * @return a new interceptor, thread-safe
   */
  @Override
  public Interceptor createInterceptor(InitContext context) {
    return new TimeGuardInterceptor(this, context.environment().scheduler());
  }

  /** Builds a {@link TimeGuardConfig}; rejects negative durations at {@link #build()}. */
  public static final class Builder {
    private Duration safetyMargin = Duration.ofSeconds(1);
    private Duration watchdogAt = Duration.ofMillis(500);

    private Builder() {}

    /** @param margin time to keep in reserve; zero or more */
    public Builder safetyMargin(Duration margin) {
      this.safetyMargin = Objects.requireNonNull(margin, "safetyMargin");
      return this;
    }

    /** @param remaining remaining time at which to warn; zero turns the watchdog off */
    public Builder watchdogAt(Duration remaining) {
      this.watchdogAt = Objects.requireNonNull(remaining, "watchdogAt");
      return this;
    }

    /**
     * @return the settings
     * @throws IllegalArgumentException if a duration is negative, naming the setting
     */
    public TimeGuardConfig build() {
      if (safetyMargin.isNegative()) {
        throw new IllegalArgumentException(
            "[safetyMargin] must be zero or more, was " + safetyMargin.toMillis() + " ms");
      }
      if (watchdogAt.isNegative()) {
        throw new IllegalArgumentException(
            "[watchdogAt] must be zero or more, was " + watchdogAt.toMillis() + " ms");
      }
      return new TimeGuardConfig(this);
    }
  }
}
