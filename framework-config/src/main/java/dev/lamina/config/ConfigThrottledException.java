package dev.lamina.config;

import java.time.Duration;

/**
 * Configuration could not be loaded because its parameter store kept throttling (SSM's {@code
 * ThrottlingException}, or the Parameters and Secrets extension passing it on) or failing
 * transiently until the init budget ran out. Thrown at init, it becomes the function's init error;
 * its message names the store, the calls made and what to set. Immutable.
 *
 * <p>A burst of cold starts shares SSM's account-wide rate (40 calls a second by default): more
 * new environments at once than the rate serves within the budget end here. What helps, from the
 * cheapest: SSM's higher-throughput setting, reading through the Parameters and Secrets extension
 * and its cache, provisioned concurrency or SnapStart (fewer inits at once), and a larger budget
 * ({@value ConfigLoader#INIT_BUDGET_VARIABLE}) only while it stays under Lambda's 10 s init limit.
 */
public class ConfigThrottledException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  private final String store;
  private final int calls;
  private final int throttled;
  private final Duration elapsed;
  private final Duration budget;

  /**
   * Creates the exception.
   *
   * @param store the store, such as {@code SSM Parameter Store}
   * @param what what was being read, such as its names and paths; never a value
   * @param calls the calls made, throttled or not
   * @param throttled how many of them were throttled
   * @param elapsed how long loading took
   * @param budget the budget it had
   * @param cause the last failure
   */
  public ConfigThrottledException(
      String store,
      String what,
      int calls,
      int throttled,
      Duration elapsed,
      Duration budget,
      Throwable cause) {
    super(message(store, what, calls, throttled, elapsed, budget), cause);
    this.store = store;
    this.calls = calls;
    this.throttled = throttled;
    this.elapsed = elapsed;
    this.budget = budget;
  }

  /** The store that throttled, such as {@code SSM Parameter Store}. */
  public String store() {
    return store;
  }

  /** The calls made, including the throttled ones. */
  public int calls() {
    return calls;
  }

  /** How many calls were answered with throttling. */
  public int throttled() {
    return throttled;
  }

  /** How long loading took before it gave up. */
  public Duration elapsed() {
    return elapsed;
  }

  /** The budget loading had. */
  public Duration budget() {
    return budget;
  }

  private static String message(
      String store, String what, int calls, int throttled, Duration elapsed, Duration budget) {
    return store
        + " throttling outlasted the configuration init budget: "
        + calls
        + (calls == 1 ? " call" : " calls")
        + " ("
        + throttled
        + " throttled) in "
        + elapsed.toMillis()
        + " ms of a "
        + budget.toMillis()
        + " ms budget, reading "
        + what
        + ". Too many environments are starting at once for the store's rate (SSM: 40 calls a"
        + " second per account and region by default). Enable SSM's higher-throughput setting"
        + " (/ssm/parameter-store/high-throughput-enabled), read through the Parameters and"
        + " Secrets extension and its cache (@Config(access = EXTENSION)), start fewer"
        + " environments at once (provisioned concurrency, SnapStart), or raise "
        + ConfigLoader.INIT_BUDGET_VARIABLE
        + " (keep it under Lambda's 10 s init limit)";
  }
}
