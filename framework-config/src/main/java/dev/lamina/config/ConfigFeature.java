package dev.lamina.config;

import dev.lamina.core.FeatureConfig;
import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration as a feature in plain Java: the form of {@link Config @Config} for
 * {@code Lamina.handler(..).feature(..)}. At init, the type is loaded from the handler's
 * environment (its variables, clock and sleeper, and SSM through a client that is an init-once resource,
 * re-created after a SnapStart restore) and validated, every problem in one
 * {@link ConfigurationException}; per invocation, the current values are handed to
 * {@link Configs#get(dev.lamina.core.Invocation, Class)}. Immutable.
 *
 * <pre>{@code
 * RequestStreamHandler handler = Lamina.handler(Order.class, Receipt.class, this::place)
 *     .feature(ConfigFeature.of(OrdersConfig.class).maxAge(Duration.ofMinutes(1)).build())
 *     .build();
 * }</pre>
 */
public final class ConfigFeature implements FeatureConfig {
  /** The chain position of configuration, the same as {@link Config}'s. */
  public static final int ORDER = 200;

  private final Class<?> type;
  private final Duration maxAge;
  private final ParameterAccess access;
  private final ParameterSource source;
  private final Duration initBudget;

  private ConfigFeature(Builder b) {
    this.initBudget = b.initBudget;
    this.type = b.type;
    this.maxAge = b.maxAge;
    this.access = b.access;
    this.source = b.source;
  }

  /**
   * Starts the settings for a configuration type.
   *
   * @param type the record or class to load; not {@code null}
   * @return a builder with the defaults of {@link Config}
   */
  public static Builder of(Class<?> type) {
    return new Builder(Objects.requireNonNull(type, "type"));
  }

  /** The configuration type. */
  public Class<?> type() {
    return type;
  }

  /** How long values are used before a later read refreshes them; zero means never. */
  public Duration maxAge() {
    return maxAge;
  }

  /** {@value #ORDER}: inside the time guard, outside idempotency. */
  @Override
  public int order() {
    return ORDER;
  }

  /**
   * Loads and validates the type now, registers the loader for closing and the cached values for
   * a refresh after a SnapStart restore, and returns the interceptor that hands them out.
   *
   * @throws ConfigurationException naming every missing or invalid value
   */
  @Override
  public Interceptor createInterceptor(InitContext context) {
    ConfigLoader.Builder builder =
        ConfigLoader.builder()
            .environment(context.environment().variables())
            .clock(context.environment().clock())
            .sleeper(context.environment().sleeper())
            .codec(context.codec())
            .resources(context.resources())
            .maxAge(maxAge)
            .parameterAccess(access);
    if (source != null) {
      builder.parameterSource(source);
    }
    if (initBudget != null) {
      builder.initBudget(initBudget);
    }
    ConfigLoader loader = builder.build();
    context.resources().add("config-loader " + type.getName(), () -> loader);
    CachedConfig<?> cached = loader.cache(type);
    context
        .resources()
        .define("config " + type.getName(), () -> cached)
        .onRestore(CachedConfig::invalidate)
        .create();
    return cached.interceptor();
  }

  /** Builds a {@link ConfigFeature}. Not thread-safe. */
  public static final class Builder {
    private final Class<?> type;
    private Duration maxAge = ConfigLoader.DEFAULT_MAX_AGE;
    private ParameterAccess access = ParameterAccess.SDK;
    private ParameterSource source;
    private Duration initBudget;

    private Builder(Class<?> type) {
      this.type = type;
    }

    /**
     * @param initBudget as {@link ConfigLoader.Builder#initBudget(Duration)}; default {@value
     *     ConfigLoader#INIT_BUDGET_VARIABLE} from the handler's environment, else {@link
     *     ConfigLoader#DEFAULT_INIT_BUDGET}
     */
    public Builder initBudget(Duration initBudget) {
      this.initBudget = Objects.requireNonNull(initBudget, "initBudget");
      return this;
    }

    /** @param maxAge as {@link Config#maxAgeSeconds()}; zero means never refresh */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
      return this;
    }

    /** @param access as {@link Config#access()} */
    public Builder parameterAccess(ParameterAccess access) {
      this.access = Objects.requireNonNull(access, "parameterAccess");
      return this;
    }

    /** @param source where SSM fields are read from, instead of a client from the environment */
    public Builder parameterSource(ParameterSource source) {
      this.source = Objects.requireNonNull(source, "parameterSource");
      return this;
    }

    /**
     * @return the settings
     * @throws IllegalArgumentException if {@code maxAge} is negative
     */
    public ConfigFeature build() {
      ConfigLoader.requireValidMaxAge(maxAge);
      return new ConfigFeature(this);
    }
  }
}
