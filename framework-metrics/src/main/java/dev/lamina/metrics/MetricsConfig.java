package dev.lamina.metrics;

import dev.lamina.core.FeatureConfig;
import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.metrics.LaminaMetric;
import dev.lamina.metrics.internal.MetricRules;
import dev.lamina.metrics.internal.MetricsInterceptor;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the metrics feature; the plain-Java form of {@link Metrics}. Immutable.
 *
 * <pre>{@code
 * RequestStreamHandler handler = Lamina.handler(Order.class, Receipt.class, this::place)
 *     .feature(MetricsConfig.custom()
 *         .namespace("Shop")
 *         .defaultDimension("Stage", "prod")
 *         .withoutBuiltIns(LaminaMetric.Group.TIME_GUARD)
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>Unset values are read from the environment when the interceptor is created: the namespace
 * from {@code LAMINA_METRICS_NAMESPACE}, else {@code POWERTOOLS_METRICS_NAMESPACE}; the service
 * from {@code POWERTOOLS_SERVICE_NAME}, else {@code LAMINA_SERVICE_NAME}, else the function name
 * (the service the log lines carry); {@code LAMINA_METRICS_DISABLED} or {@code
 * POWERTOOLS_METRICS_DISABLED} set to {@code true} turns writing off.
 */
public final class MetricsConfig implements FeatureConfig {
  /**
   * The chain position of metrics: the outermost feature, outside HTTP problem answers (50) and
   * the time guard (100), so everything they do is counted.
   */
  public static final int ORDER = 40;

  private final String namespace;
  private final String service;
  private final boolean enabled;
  private final Set<LaminaMetric.Group> builtIns;
  private final Map<String, String> defaultDimensions;

  private MetricsConfig(Builder b) {
    this.namespace = b.namespace;
    this.service = b.service;
    this.enabled = b.enabled;
    this.builtIns = Collections.unmodifiableSet(EnumSet.copyOf(b.builtIns));
    this.defaultDimensions = Collections.unmodifiableMap(new LinkedHashMap<>(b.defaultDimensions));
  }

  /** The defaults: namespace and service from the environment, every built-in metric on. */
  public static MetricsConfig ofDefaults() {
    return custom().build();
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** The namespace set in code, or {@code null} to read it from the environment. */
  public String namespace() {
    return namespace;
  }

  /** The service set in code, or {@code null} to read it from the environment. */
  public String service() {
    return service;
  }

  /** {@code false} if writing was turned off in code; the environment may turn it off too. */
  public boolean enabled() {
    return enabled;
  }

  /** The groups of built-in metrics that are written. */
  public Set<LaminaMetric.Group> builtIns() {
    return builtIns;
  }

  /** Dimensions added to the default dimension set of every invocation, after {@code Service}. */
  public Map<String, String> defaultDimensions() {
    return defaultDimensions;
  }

  /** {@value #ORDER}: outside every other Lamina feature. */
  @Override
  public int order() {
    return ORDER;
  }

  /**
   * The interceptor that records and writes each invocation's metrics.
   *
   * @param context the handler's init context; not {@code null}
   * @return a new interceptor, thread-safe
   * @throws MetricsConfigurationException naming every problem with the settings and the
   *     environment
   */
  @Override
  public Interceptor createInterceptor(InitContext context) {
    return MetricsInterceptor.create(this, context);
  }

  /** Builds a {@link MetricsConfig}; checks names and values at {@link #build()}. */
  public static final class Builder {
    private String namespace;
    private String service;
    private boolean enabled = true;
    private final Set<LaminaMetric.Group> builtIns = EnumSet.allOf(LaminaMetric.Group.class);
    private final Map<String, String> defaultDimensions = new LinkedHashMap<>();

    private Builder() {}

    /**
     * @param namespace the CloudWatch namespace: 1 to 255 ASCII characters, not starting with
     *     {@code AWS/}
     * @return this builder
     */
    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /**
     * @param service the value of the {@code Service} dimension, as any dimension value
     * @return this builder
     */
    public Builder service(String service) {
      this.service = Objects.requireNonNull(service, "service");
      return this;
    }

    /**
     * @param enabled {@code false} to keep every check but write nothing
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Switches groups of built-in metrics off.
     *
     * @param groups the groups not to write
     * @return this builder
     */
    public Builder withoutBuiltIns(LaminaMetric.Group... groups) {
      for (LaminaMetric.Group g : groups) {
        builtIns.remove(Objects.requireNonNull(g, "group"));
      }
      return this;
    }

    /**
     * Adds a dimension to every invocation's default dimension set, such as the stage.
     *
     * @param name as {@link dev.lamina.core.metrics.InvocationMetrics#dimension(String, String)}
     * @param value as {@link dev.lamina.core.metrics.InvocationMetrics#dimension(String, String)}
     * @return this builder
     */
    public Builder defaultDimension(String name, String value) {
      defaultDimensions.put(
          Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * @return the settings
     * @throws dev.lamina.core.metrics.InvalidMetricException if the namespace, the service or a
     *     default dimension breaks CloudWatch's rules
     */
    public MetricsConfig build() {
      if (namespace != null) {
        MetricRules.checkNamespace(namespace, "namespace");
      }
      if (service != null) {
        MetricRules.checkDimension("Service", service);
      }
      if (defaultDimensions.size() > MetricRules.MAX_DIMENSIONS - 1) {
        throw new dev.lamina.core.metrics.InvalidMetricException(
            "[defaultDimensions] holds "
                + defaultDimensions.size()
                + " dimensions; with Service a set holds at most "
                + MetricRules.MAX_DIMENSIONS);
      }
      for (Map.Entry<String, String> d : defaultDimensions.entrySet()) {
        MetricRules.checkDimension(d.getKey(), d.getValue());
      }
      if (defaultDimensions.containsKey(MetricRules.SERVICE)) {
        throw new dev.lamina.core.metrics.InvalidMetricException(
            "[defaultDimensions] names [Service], which Lamina sets; use service(..) instead");
      }
      return new MetricsConfig(this);
    }
  }
}
