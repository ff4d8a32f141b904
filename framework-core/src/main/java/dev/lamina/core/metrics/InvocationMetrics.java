package dev.lamina.core.metrics;

import dev.lamina.core.AttributeKey;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * The metrics of one invocation, from {@link dev.lamina.core.Invocation#metrics()}: recorded
 * while the handler runs and written once, when the invocation ends (also when the handler
 * throws). Nothing recorded here reaches a later invocation, dimensions included.
 *
 * <p>With the {@code framework-metrics} module's {@code @Metrics} on the handler, the metrics
 * become CloudWatch Embedded Metric Format lines on standard output; without it, this is a no-op
 * (the first metric recorded logs one warning that says so). Safe for concurrent use: work the
 * handler fans out to other threads may record into the same handle until the invocation ends.
 *
 * <pre>{@code
 * protected Receipt handle(Order order, Invocation invocation) {
 *   invocation.metrics()
 *       .dimension("Channel", order.channel())
 *       .add("OrderValue", order.total(), MetricUnit.NONE)
 *       .add("OrdersPlaced", 1, MetricUnit.COUNT);
 *   ...
 * }
 * }</pre>
 */
public interface InvocationMetrics {

  /** Where the {@code @Metrics} feature keeps the invocation's handle. */
  AttributeKey<InvocationMetrics> KEY = AttributeKey.of("metrics", InvocationMetrics.class);

  /**
   * Records a value at standard (one-minute) resolution. Recording a name again adds another
   * value to the same metric.
   *
   * @param name the metric's name: 1 to 255 characters, not a dimension or metadata key
   * @param value a finite number
   * @param unit the unit; not {@code null}; the same for every value of the metric
   * @return this handle
   * @throws InvalidMetricException if the name, the value or the unit breaks a rule
   * @throws IllegalStateException if the invocation has ended
   */
  default InvocationMetrics add(String name, double value, MetricUnit unit) {
    return add(name, value, unit, MetricResolution.STANDARD);
  }

  /**
   * Records a value at a given storage resolution.
   *
   * @param name the metric's name: 1 to 255 characters, not a dimension or metadata key
   * @param value a finite number
   * @param unit the unit; not {@code null}; the same for every value of the metric
   * @param resolution the storage resolution; not {@code null}; the same for every value
   * @return this handle
   * @throws InvalidMetricException if the name, the value, the unit or the resolution breaks a
   *     rule
   * @throws IllegalStateException if the invocation has ended
   */
  InvocationMetrics add(String name, double value, MetricUnit unit, MetricResolution resolution);

  /**
   * Adds a dimension to the default dimension set, which starts with {@code Service}, for every
   * metric of this invocation.
   *
   * @param name 1 to 250 ASCII characters, not starting with {@code :}
   * @param value 1 to 1,024 characters, not all whitespace
   * @return this handle
   * @throws InvalidMetricException if the name or value breaks a rule, or the set would hold
   *     more than 30 dimensions
   * @throws IllegalStateException if the invocation has ended
   */
  InvocationMetrics dimension(String name, String value);

  /**
   * Adds another dimension set: every metric of this invocation is also published under these
   * dimensions (CloudWatch creates one metric per set).
   *
   * @param dimensions names to values, in the order to write them; 0 to 30 entries, each as for
   *     {@link #dimension(String, String)}
   * @return this handle
   * @throws InvalidMetricException if an entry breaks a rule, the set is too large, or a name
   *     already has another value in this invocation
   * @throws IllegalStateException if the invocation has ended
   */
  InvocationMetrics dimensionSet(Map<String, String> dimensions);

  /**
   * Adds a property to the metric lines that CloudWatch keeps in the log event but does not turn
   * into a metric: searchable in Logs Insights, free of metric cost.
   *
   * @param key 1 to 255 characters, not a metric or dimension name, not {@code _aws}
   * @param value a {@link CharSequence}, {@link Number} or {@link Boolean}
   * @return this handle
   * @throws InvalidMetricException if the key breaks a rule or the value has another type
   * @throws IllegalStateException if the invocation has ended
   */
  InvocationMetrics metadata(String key, Object value);

  /**
   * Counts one of Lamina's own metrics, if its group is switched on: the counts of one
   * invocation are summed into one value. Lamina's features call this; it never throws, even
   * after the invocation has ended.
   *
   * @param metric the metric; not {@code null}
   * @param count how many to add, zero or more; zero still writes the metric, as 0
   */
  void count(LaminaMetric metric, long count);

  /** Whether recorded metrics are written anywhere. */
  boolean isEnabled();

  /**
   * The handle of an invocation without metrics: records nothing, writes nothing. The first
   * user metric recorded into it logs one warning per class loader that names the fix.
   *
   * @return the no-op handle
   */
  static InvocationMetrics disabled() {
    return Disabled.INSTANCE;
  }

  /** The no-op handle. */
  final class Disabled implements InvocationMetrics {
    static final Disabled INSTANCE = new Disabled();
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private Disabled() {}

    @Override
    public InvocationMetrics add(
        String name, double value, MetricUnit unit, MetricResolution resolution) {
      warnOnce();
      return this;
    }

    @Override
    public InvocationMetrics dimension(String name, String value) {
      warnOnce();
      return this;
    }

    @Override
    public InvocationMetrics dimensionSet(Map<String, String> dimensions) {
      warnOnce();
      return this;
    }

    @Override
    public InvocationMetrics metadata(String key, Object value) {
      warnOnce();
      return this;
    }

    @Override
    public void count(LaminaMetric metric, long count) {
      // built-in metrics are only counted when a metrics feature is on
    }

    @Override
    public boolean isEnabled() {
      return false;
    }

    private static void warnOnce() {
      if (WARNED.compareAndSet(false, true)) {
        LoggerFactory.getLogger(InvocationMetrics.class)
            .warn(
                "A metric was recorded but this handler has no metrics feature, so it is not"
                    + " written; add @Metrics (framework-metrics) to the handler, or give"
                    + " MetricsConfig to its builder");
      }
    }

    @Override
    public String toString() {
      return "InvocationMetrics.disabled()";
    }
  }
}
