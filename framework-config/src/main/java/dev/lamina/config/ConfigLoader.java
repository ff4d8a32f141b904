package dev.lamina.config;

import dev.lamina.config.ConfigurationException.Problem;
import dev.lamina.config.internal.Binder;
import dev.lamina.config.internal.Binding;
import dev.lamina.config.internal.ConfigDefaults;
import dev.lamina.config.internal.ConfigPlan;
import dev.lamina.config.internal.Retrier;
import dev.lamina.config.internal.SsmClients;
import dev.lamina.config.internal.SsmParameterSource;
import dev.lamina.core.Resources;
import dev.lamina.core.Sleeper;
import dev.lamina.core.codec.Codecs;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.core.internal.EnvironmentReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Loads configuration types from environment variables and SSM Parameter Store: the plain-Java
 * form of {@link Config @Config}, with the same power.
 *
 * <p>A load reads each source once: environment variables from the given map, and, only if the
 * type has SSM fields, everything it needs from the {@link ParameterSource} in one
 * {@link ParameterSource#fetch fetch} (for SSM: one paged {@code GetParametersByPath} per path
 * plus {@code GetParameters} in batches of 10). Every missing or unconvertible key is collected
 * and thrown in one {@link ConfigurationException}. A type with no SSM fields never creates an
 * SSM client, nor loads an SDK class.
 *
 * <p>Immutable and thread-safe. If no source was given, the loader creates one from the
 * environment on first need, by its {@link Builder#parameterAccess(ParameterAccess) access}: an
 * SSM client ({@link SsmParameters#fromEnvironment(Map)}), which {@link #close()} closes, or the
 * Parameters and Secrets extension ({@link ParametersExtension}).
 *
 * <pre>{@code
 * ConfigLoader loader = ConfigLoader.builder()
 *     .parameterSource(SsmParameters.using(ssmClient))
 *     .maxAge(Duration.ofMinutes(5))
 *     .build();
 * CachedConfig<OrdersConfig> config = loader.cache(OrdersConfig.class);   // loads now
 * OrdersConfig current = config.get();                                    // refreshes when due
 * }</pre>
 */
public final class ConfigLoader implements AutoCloseable {
  /** The default max age of cached values: 5 minutes. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

  /**
   * The default budget of one load from SSM, retries and backoff included: 7.5 s. With the last
   * call bounded by the client's timeouts (1.5 s), loading ends within 9 s, under Lambda's 10 s
   * on-demand init limit.
   */
  public static final Duration DEFAULT_INIT_BUDGET = ConfigDefaults.INIT_BUDGET;

  /**
   * The environment variable that sets the budget of one load in milliseconds (1 to 60000), when
   * the builder is given none.
   */
  public static final String INIT_BUDGET_VARIABLE = "LAMINA_CONFIG_INIT_BUDGET_MS";

  private final Map<String, String> environment;
  private final Clock clock;
  private final Duration maxAge;
  private final ParameterSource givenSource;
  private final ParameterAccess access;
  private final PayloadCodec givenCodec;
  private final Resources resources;
  private final Retrier retrier;
  private ParameterSource ownSource;
  private PayloadCodec ownCodec;

  private ConfigLoader(Builder b) {
    this.environment = Map.copyOf(b.environment);
    this.clock = b.clock;
    this.maxAge = b.maxAge;
    this.givenSource = b.parameterSource;
    this.access = b.access;
    this.givenCodec = b.codec;
    this.resources = b.resources;
    this.retrier = new Retrier(b.initBudget, b.clock, b.sleeper, b.random);
  }

  /** A builder starting from the defaults: {@code System.getenv()}, the UTC clock, 5 minutes. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads a configuration type once.
   *
   * @param type a record, or a class with a no-arg constructor, whose fields say their sources
   * @param <T> the type
   * @return a new instance; never {@code null}
   * @throws ConfigurationException listing every problem, or naming the source that failed
   */
  public <T> T load(Class<T> type) {
    return load(plan(type));
  }

  /**
   * Loads a configuration type now and keeps it, refreshed after {@link #maxAge()}.
   *
   * @param type the configuration type
   * @param <T> the type
   * @return the cache, holding the values just loaded
   * @throws ConfigurationException as {@link #load(Class)}
   */
  public <T> CachedConfig<T> cache(Class<T> type) {
    ConfigPlan<T> plan = plan(type);
    return new CachedConfig<>(this, plan, load(plan));
  }

  /** The max age of cached values; {@link Duration#ZERO} means they never expire. */
  public Duration maxAge() {
    return maxAge;
  }

  /** The budget of one load, retries and backoff included. */
  public Duration initBudget() {
    return retrier.budget();
  }

  /** The clock that ages cached values. */
  public Clock clock() {
    return clock;
  }

  <T> ConfigPlan<T> plan(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return ConfigPlan.of(type, this::codec);
  }

  <T> T load(ConfigPlan<T> plan) {
    List<Problem> problems = new ArrayList<>(plan.problems());
    String path = Binder.path(plan, environment, problems);
    Map<String, ParameterValue> parameters = Map.of();
    Set<String> names = new LinkedHashSet<>();
    for (Binding b : plan.bindings()) {
      if (b.source() == Binding.Source.PARAMETER && !b.key().isEmpty()) {
        names.add(b.key());
      }
    }
    Set<String> paths = path == null ? Set.of() : Set.of(path);
    if (!names.isEmpty() || !paths.isEmpty()) {
      ParameterSource source = source();
      if (!paths.isEmpty() && !source.readsPaths()) {
        for (Binding b : plan.bindings()) {
          if (b.source() == Binding.Source.PATH) {
            names.add(ConfigPlan.join(path, b.key()));
          }
        }
        paths = Set.of();
      }
      parameters = fetch(source, plan.type(), names, paths);
    }
    return Binder.bind(plan, environment, parameters, path, problems);
  }

  private static Map<String, ParameterValue> fetch(
      ParameterSource source, Class<?> type, Set<String> names, Set<String> paths) {
    List<ParameterValue> found;
    try {
      found = source.fetch(Set.copyOf(names), Set.copyOf(paths));
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ConfigurationException(
          "Configuration ["
              + type.getName()
              + "] could not be read from its parameter source: "
              + e.getClass().getName()
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
              + "; check the function's network access and its ssm:GetParameters /"
              + " ssm:GetParametersByPath permissions on "
              + names
              + " "
              + paths,
          e);
    }
    Map<String, ParameterValue> byName = new HashMap<>();
    for (ParameterValue p : found) {
      byName.put(p.name(), p);
    }
    return byName;
  }

  private synchronized ParameterSource source() {
    if (givenSource != null) {
      return givenSource;
    }
    if (ownSource == null) {
      ownSource =
          access == ParameterAccess.EXTENSION
              ? ParametersExtension.fromEnvironment(environment, codec(), retrier)
              : resources != null
                  ? new SsmParameterSource(
                      SsmClients.fromEnvironment(resources, environment)::get, false, retrier)
                  : SsmParameterSource.owning(SsmClients.fromEnvironment(environment), retrier);
    }
    return ownSource;
  }

  private synchronized PayloadCodec codec() {
    if (givenCodec != null) {
      return givenCodec;
    }
    if (ownCodec == null) {
      ownCodec = Codecs.standard();
    }
    return ownCodec;
  }

  /** Closes the SSM client this loader created, if it created one; never a given source. */
  @Override
  public synchronized void close() {
    if (ownSource instanceof AutoCloseable) {
      try {
        ((AutoCloseable) ownSource).close();
      } catch (Exception e) {
        // Closing an idle HTTP client cannot fail in a way that matters at shutdown.
      }
    }
    ownSource = null;
  }

  /** Builds a {@link ConfigLoader}; settings are checked at {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private Map<String, String> environment = System.getenv();
    private Clock clock = Clock.systemUTC();
    private Duration maxAge = DEFAULT_MAX_AGE;
    private ParameterSource parameterSource;
    private ParameterAccess access = ParameterAccess.SDK;
    private PayloadCodec codec;
    private Resources resources;
    private Duration initBudget;
    private Sleeper sleeper = Sleeper.system();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * @param initBudget how long one load may take, SSM's throttled and failed calls retried with
     *     jittered exponential backoff meanwhile; default {@value #INIT_BUDGET_VARIABLE} from the
     *     environment, else {@link ConfigLoader#DEFAULT_INIT_BUDGET}. When it runs out the load
     *     fails with {@link ConfigThrottledException}
     */
    public Builder initBudget(Duration initBudget) {
      this.initBudget = Objects.requireNonNull(initBudget, "initBudget");
      return this;
    }

    /**
     * @param sleeper how the backoff waits; default {@code Thread.sleep}. Tests pass one that moves
     *     {@link #clock(Clock) the clock} instead
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** @param random the backoff's jitter, uniform in [0, 1); default a thread-local random */
    Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * @param resources when given, the SSM client this loader creates is an init-once resource
     *     of the handler, closed with it and re-created after a SnapStart restore; without, the
     *     loader owns the client and {@link ConfigLoader#close()} closes it
     */
    public Builder resources(Resources resources) {
      this.resources = Objects.requireNonNull(resources, "resources");
      return this;
    }

    /** @param environment the environment variables; default {@code System.getenv()} */
    public Builder environment(Map<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** @param clock ages cached values; default the UTC system clock */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @param maxAge how long cached values are used before a later read refreshes them; zero
     *     means never (only a SnapStart restore or {@link CachedConfig#invalidate()} does)
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
      return this;
    }

    /**
     * @param source where {@link Parameter} and {@link PathParameter} fields are read from;
     *     default an SSM client created from the environment when first needed
     */
    public Builder parameterSource(ParameterSource source) {
      this.parameterSource = Objects.requireNonNull(source, "parameterSource");
      return this;
    }

    /**
     * @param access how to read SSM when no {@link #parameterSource} is given: the SDK (default)
     *     or the Parameters and Secrets Lambda extension
     */
    public Builder parameterAccess(ParameterAccess access) {
      this.access = Objects.requireNonNull(access, "parameterAccess");
      return this;
    }

    /** @param codec reads JSON-valued fields; default a new {@code Codecs.standard()} when needed */
    public Builder codec(PayloadCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /**
     * @return the loader
     * @throws IllegalArgumentException if {@code maxAge} is negative or {@code initBudget} is not
     *     positive
     * @throws ConfigurationException if {@value #INIT_BUDGET_VARIABLE} is set but not a number of
     *     milliseconds from 1 to 60000
     */
    public ConfigLoader build() {
      requireValidMaxAge(maxAge);
      if (initBudget == null) {
        EnvironmentReader env = new EnvironmentReader(environment);
        Long millis =
            env.wholeNumber(
                INIT_BUDGET_VARIABLE,
                1,
                60_000,
                "must be the milliseconds one configuration load may take (1 to 60000), or unset"
                    + " for "
                    + DEFAULT_INIT_BUDGET.toMillis());
        if (env.hasProblems()) {
          throw new ConfigurationException(
              env.describeProblems("Configuration loading cannot be set up"), null);
        }
        initBudget = millis == null ? DEFAULT_INIT_BUDGET : Duration.ofMillis(millis);
      } else if (initBudget.isNegative() || initBudget.isZero()) {
        throw new IllegalArgumentException(
            "[initBudget] must be positive, was " + initBudget.toMillis() + " ms");
      }
      return new ConfigLoader(this);
    }
  }

  /** The one rule for a max age, for the loader and {@link ConfigFeature}. */
  static void requireValidMaxAge(Duration maxAge) {
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException(
          "[maxAge] must be zero (never refresh) or more, was " + maxAge.getSeconds() + " s");
    }
  }
}
