package dev.lamina.core;

import dev.lamina.core.internal.DaemonScheduler;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a handler reads from the world outside it: the clock, the environment variables, the
 * scheduler for the watchdog, the {@link Sleeper} for its waits, and where SnapStart/CRaC hooks are registered. Everything Lamina
 * would otherwise read statically sits here, so tests replace it instead of mocking statics.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * class OrdersTest {
 *   MutableClock clock = new MutableClock();
 *   Orders handler = new Orders(HandlerEnvironment.builder()
 *       .clock(clock)
 *       .variables(Map.of("TABLE", "orders"))
 *       .build());
 * }
 * }</pre>
 */
public final class HandlerEnvironment {
  private final Clock clock;
  private final Map<String, String> variables;
  private final Scheduler scheduler;
  private final CheckpointRegistry checkpointRegistry;
  private final Sleeper sleeper;

  private HandlerEnvironment(Builder b) {
    this.clock = b.clock;
    this.variables = Map.copyOf(b.variables);
    this.scheduler = b.scheduler;
    this.checkpointRegistry = b.checkpointRegistry;
    this.sleeper = b.sleeper;
  }

  /**
   * The real environment: the system UTC clock, {@code System.getenv()}, a daemon scheduler
   * thread created on first use, and the JVM's global CRaC context.
   *
   * @return a new environment; never {@code null}
   */
  public static HandlerEnvironment system() {
    return builder().build();
  }

  /** A builder that starts from {@link #system()}'s values. */
  public static Builder builder() {
    return new Builder();
  }

  /** The clock for deadlines, remaining time and log timestamps. */
  public Clock clock() {
    return clock;
  }

  /** The environment variables, as an immutable map. */
  public Map<String, String> variables() {
    return variables;
  }

  /**
   * One environment variable.
   *
   * @param name the variable's name
   * @return its value, or {@code null} if unset
   */
  public String variable(String name) {
    return variables.get(name);
  }

  /** The scheduler for the remaining-time watchdog. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /**
   * How features wait, such as configuration loading backing off after SSM throttling; default
   * {@link Sleeper#system()}. Tests pair a sleeper that returns at once with a clock it moves.
   */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** Where the handler registers its SnapStart/CRaC hooks. */
  public CheckpointRegistry checkpointRegistry() {
    return checkpointRegistry;
  }

  /**
   * Where {@link Resources} register for SnapStart/CRaC notifications. The default registers
   * with {@code org.crac.Core.getGlobalContext()}, which holds resources weakly: the registrant
   * must keep a strong reference (Lamina's handlers do).
   */
  @FunctionalInterface
  public interface CheckpointRegistry {
    /** Registers a resource for checkpoint and restore notifications. */
    void register(org.crac.Resource resource);
  }

  /** Registers with the JVM's global CRaC context. A class, not a lambda: no bootstrap at init. */
  private static final class GlobalCracRegistry implements CheckpointRegistry {
    @Override
    public void register(org.crac.Resource resource) {
      org.crac.Core.getGlobalContext().register(resource);
    }
  }

  /** Builds a {@link HandlerEnvironment}. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Map<String, String> variables = System.getenv();
    private Scheduler scheduler = new DaemonScheduler();
    private CheckpointRegistry checkpointRegistry = new GlobalCracRegistry();
    private Sleeper sleeper = Sleeper.system();

    private Builder() {}

    /** @param sleeper how features wait; not {@code null} */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** @param clock the clock; not {@code null} */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** @param variables the environment variables to use instead of {@code System.getenv()} */
    public Builder variables(Map<String, String> variables) {
      this.variables = Objects.requireNonNull(variables, "variables");
      return this;
    }

    /** @param scheduler the watchdog's scheduler; not {@code null} */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** @param registry where to register CRaC resources; not {@code null} */
    public Builder checkpointRegistry(CheckpointRegistry registry) {
      this.checkpointRegistry = Objects.requireNonNull(registry, "checkpointRegistry");
      return this;
    }

    /** @return the environment */
    public HandlerEnvironment build() {
      return new HandlerEnvironment(this);
    }
  }
}
