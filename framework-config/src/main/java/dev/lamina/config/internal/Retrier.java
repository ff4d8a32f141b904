package dev.lamina.config.internal;

import dev.lamina.config.ConfigThrottledException;
import dev.lamina.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Retries a store's throttled and transient answers with exponential backoff and full jitter
 * (each wait is uniform between zero and {@code min(cap, base * 2^n)}), bounded by a total budget
 * per load: no wait ends and no attempt starts after the deadline. It loads no SDK class; the
 * source says which failures are worth a retry.
 *
 * <p>Thread-safe; each {@link #start} makes a {@link Run} for one load, used by one thread.
 */
public final class Retrier {
  /** The first backoff ceiling: 50 ms. */
  public static final Duration BASE = Duration.ofMillis(50);

  /** The largest backoff ceiling: 2 s. */
  public static final Duration CAP = Duration.ofSeconds(2);

  /** What a failure is worth. */
  public enum Kind {
    /** The store throttled: retry, and count it as throttled. */
    THROTTLED,
    /** A 5xx or a connection failure: retry. */
    TRANSIENT,
    /** Anything else: no retry. */
    FATAL
  }

  private final Duration budget;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  /**
   * @param budget the total time one load may take, retries and waits included; positive
   * @param clock where the deadline is read from
   * @param sleeper how to wait
   * @param random uniform in {@code [0, 1)}: the jitter
   */
  public Retrier(Duration budget, Clock clock, Sleeper sleeper, DoubleSupplier random) {
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException(
          "[initBudget] must be positive, was " + budget.toMillis() + " ms");
    }
    this.budget = budget;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A retrier with the system clock, {@code Thread.sleep} and a thread-local random. */
  public static Retrier system(Duration budget) {
    return new Retrier(
        budget,
        Clock.systemUTC(),
        Sleeper.system(),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The budget of one load. */
  public Duration budget() {
    return budget;
  }

  /**
   * Starts one load now.
   *
   * @param store the store's name for messages, such as {@code SSM Parameter Store}
   * @param what what is read, for messages: names and paths, never values
   * @param kind classifies a failure
   * @return the run
   */
  public Run start(String store, String what, Function<RuntimeException, Kind> kind) {
    return new Run(store, what, kind);
  }

  /** One load: its deadline and counts. Not thread-safe. */
  public final class Run {
    private final String store;
    private final String what;
    private final Function<RuntimeException, Kind> kind;
    private final long startMillis;
    private final long deadlineMillis;
    private int calls;
    private int throttled;
    private int failures;

    private Run(String store, String what, Function<RuntimeException, Kind> kind) {
      this.store = store;
      this.what = what;
      this.kind = kind;
      this.startMillis = clock.millis();
      this.deadlineMillis = startMillis + budget.toMillis();
    }

    /**
     * Makes a call, retrying it while it fails in a retryable way and the budget lasts.
     *
     * @param call one attempt
     * @param <T> its result
     * @return the result of the first attempt that succeeds
     * @throws ConfigThrottledException if the budget ran out first
     * @throws RuntimeException the first non-retryable failure, as it was thrown
     */
    public <T> T call(Supplier<T> call) {
      while (true) {
        calls++;
        RuntimeException failure;
        try {
          return call.get();
        } catch (RuntimeException e) {
          failure = e;
        }
        Kind k = kind.apply(failure);
        if (k == Kind.FATAL) {
          throw failure;
        }
        if (k == Kind.THROTTLED) {
          throttled++;
        }
        failures++;
        double ceiling =
            Math.min(CAP.toMillis(), BASE.toMillis() * Math.pow(2, Math.min(failures - 1, 30)));
        long wait = Math.max(1, (long) (random.getAsDouble() * ceiling));
        long now = clock.millis();
        if (now + wait >= deadlineMillis) {
          throw new ConfigThrottledException(
              store, what, calls, throttled, Duration.ofMillis(now - startMillis), budget, failure);
        }
        try {
          sleeper.sleep(Duration.ofMillis(wait));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ConfigThrottledException(
              store, what, calls, throttled, Duration.ofMillis(now - startMillis), budget, e);
        }
      }
    }

    /** The calls made so far, retries included. */
    public int calls() {
      return calls;
    }

    /** How many calls were throttled so far. */
    public int throttled() {
      return throttled;
    }
  }
}
