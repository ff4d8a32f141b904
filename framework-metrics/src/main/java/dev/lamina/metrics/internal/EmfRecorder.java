package dev.lamina.metrics.internal;

import dev.lamina.core.Invocation;
import dev.lamina.core.LogFields;
import dev.lamina.core.metrics.InvalidMetricException;
import dev.lamina.core.metrics.InvocationMetrics;
import dev.lamina.core.metrics.LaminaMetric;
import dev.lamina.core.metrics.MetricResolution;
import dev.lamina.core.metrics.MetricUnit;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The metrics of one invocation, held until {@link #close()} turns them into a {@link
 * EmfDocument}. Every method locks the recorder: fanned-out work may record concurrently, and
 * the time guard's watchdog counts from its scheduler thread.
 */
final class EmfRecorder implements InvocationMetrics {
  private static final LaminaMetric[] BUILT_INS = LaminaMetric.values();

  private final MetricsSettings settings;
  private final Invocation invocation;
  private final Map<String, EmfDocument.Metric> metrics = new LinkedHashMap<>();
  private final Map<String, String> dimensionValues = new LinkedHashMap<>();
  private final List<String> defaultSet = new ArrayList<>();
  private final List<List<String>> extraSets = new ArrayList<>();
  private final Map<String, Object> metadata = new LinkedHashMap<>();
  private final long[] counts = new long[BUILT_INS.length];
  private final boolean[] counted = new boolean[BUILT_INS.length];
  private boolean closed;

  EmfRecorder(MetricsSettings settings, Invocation invocation) {
    this.settings = settings;
    this.invocation = invocation;
    dimensionValues.put(MetricRules.SERVICE, settings.service());
    defaultSet.add(MetricRules.SERVICE);
    // Loops, not lambdas, on the invocation path: each lambda costs a bootstrap on first use.
    for (Map.Entry<String, String> d : settings.defaultDimensions().entrySet()) {
      dimensionValues.put(d.getKey(), d.getValue());
      defaultSet.add(d.getKey());
    }
  }

  @Override
  public synchronized InvocationMetrics add(
      String name, double value, MetricUnit unit, MetricResolution resolution) {
    checkOpen();
    MetricRules.checkMetricName(name);
    MetricRules.checkValue(name, value);
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(resolution, "resolution");
    EmfDocument.Metric metric = metrics.get(name);
    if (metric == null) {
      if (dimensionValues.containsKey(name) || metadata.containsKey(name)) {
        throw clash(name, "metric");
      }
      if (isReserved(name)) {
        throw new InvalidMetricException(
            "["
                + name
                + "] is the name of a metric or field Lamina writes itself; choose another"
                + " metric name");
      }
      metric = new EmfDocument.Metric(name, unit, resolution);
      metrics.put(name, metric);
    } else if (metric.unit() != unit || metric.resolution() != resolution) {
      throw new InvalidMetricException(
          "Metric ["
              + name
              + "] was recorded with unit "
              + metric.unit().cloudWatchName()
              + " and resolution "
              + metric.resolution()
              + ", now with "
              + unit.cloudWatchName()
              + " and "
              + resolution
              + "; one metric keeps one unit and one resolution");
    }
    metric.values().add(value);
    return this;
  }

  @Override
  public synchronized InvocationMetrics dimension(String name, String value) {
    checkOpen();
    MetricRules.checkDimension(name, value);
    boolean inSet = defaultSet.contains(name);
    if (!inSet && defaultSet.size() == MetricRules.MAX_DIMENSIONS) {
      throw new InvalidMetricException(
          "Dimension ["
              + name
              + "] would be dimension "
              + (MetricRules.MAX_DIMENSIONS + 1)
              + " of the default set (which starts with Service); a set holds at most "
              + MetricRules.MAX_DIMENSIONS);
    }
    putDimensionValue(name, value);
    if (!inSet) {
      defaultSet.add(name);
    }
    return this;
  }

  @Override
  public synchronized InvocationMetrics dimensionSet(Map<String, String> dimensions) {
    checkOpen();
    Objects.requireNonNull(dimensions, "dimensions");
    if (dimensions.size() > MetricRules.MAX_DIMENSIONS) {
      throw new InvalidMetricException(
          "A dimension set of "
              + dimensions.size()
              + " dimensions was given; a set holds at most "
              + MetricRules.MAX_DIMENSIONS);
    }
    for (Map.Entry<String, String> d : dimensions.entrySet()) {
      MetricRules.checkDimension(d.getKey(), d.getValue());
    }
    for (Map.Entry<String, String> e : dimensions.entrySet()) {
      String known = dimensionValues.get(e.getKey());
      if (known != null && !known.equals(e.getValue())) {
        throw otherValue(e.getKey());
      }
      if (known == null && (metrics.containsKey(e.getKey()) || metadata.containsKey(e.getKey()))) {
        throw clash(e.getKey(), "dimension");
      }
    }
    dimensionValues.putAll(dimensions);
    extraSets.add(List.copyOf(dimensions.keySet()));
    return this;
  }

  @Override
  public synchronized InvocationMetrics metadata(String key, Object value) {
    checkOpen();
    MetricRules.checkMetadataKey(key);
    if (!(value instanceof CharSequence || value instanceof Boolean || value instanceof Number)) {
      throw new InvalidMetricException(
          "Metadata ["
              + key
              + "] must be a CharSequence, Number or Boolean, was "
              + (value == null ? "null" : value.getClass().getName()));
    }
    if (value instanceof Number
        && !(value instanceof BigDecimal || value instanceof BigInteger)
        && !isIntegral((Number) value)) {
      MetricRules.checkValue(key, ((Number) value).doubleValue());
    }
    if (metrics.containsKey(key) || dimensionValues.containsKey(key)) {
      throw clash(key, "metadata key");
    }
    metadata.put(key, value instanceof CharSequence ? value.toString() : value);
    return this;
  }

  @Override
  public synchronized void count(LaminaMetric metric, long count) {
    if (closed || count < 0 || !settings.builtIns().contains(metric.group())) {
      return;
    }
    counts[metric.ordinal()] += count;
    counted[metric.ordinal()] = true;
  }

  @Override
  public boolean isEnabled() {
    return settings.writing();
  }

  /** Ends recording and returns what to write; {@code null} if it was already closed. */
  synchronized EmfDocument close() {
    if (closed) {
      return null;
    }
    closed = true;
    List<EmfDocument.Metric> all = new ArrayList<>(metrics.values());
    for (LaminaMetric m : BUILT_INS) {
      if (counted[m.ordinal()]) {
        EmfDocument.Metric builtIn =
            new EmfDocument.Metric(m.metricName(), MetricUnit.COUNT, MetricResolution.STANDARD);
        builtIn.values().add((double) counts[m.ordinal()]);
        all.add(builtIn);
      }
    }
    List<List<String>> sets = new ArrayList<>(1 + extraSets.size());
    sets.add(List.copyOf(defaultSet));
    sets.addAll(extraSets);
    Map<String, Object> properties = new LinkedHashMap<>(metadata);
    properties.putIfAbsent(LogFields.REQUEST_ID, invocation.requestId());
    String traceId = invocation.traceId().orElse(null);
    if (traceId != null) {
      properties.putIfAbsent(LogFields.XRAY_TRACE_ID, traceId);
    }
    return new EmfDocument(
        settings.namespace(),
        invocation.clock().millis(),
        sets,
        new LinkedHashMap<>(dimensionValues),
        all,
        properties);
  }

  private void putDimensionValue(String name, String value) {
    String known = dimensionValues.get(name);
    if (known != null && !known.equals(value)) {
      throw otherValue(name);
    }
    if (known == null && (metrics.containsKey(name) || metadata.containsKey(name))) {
      throw clash(name, "dimension");
    }
    dimensionValues.put(name, value);
  }

  /** Whether a number is one of the JDK's integral types, written as a whole number. */
  static boolean isIntegral(Number n) {
    return n instanceof Long
        || n instanceof Integer
        || n instanceof Short
        || n instanceof Byte
        || n instanceof AtomicLong
        || n instanceof AtomicInteger;
  }

  private static boolean isReserved(String name) {
    if (name.equals(LogFields.REQUEST_ID) || name.equals(LogFields.XRAY_TRACE_ID)) {
      return true;
    }
    for (LaminaMetric m : BUILT_INS) {
      if (m.metricName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(
          "The metrics of invocation ["
              + invocation.requestId()
              + "] were written when it ended; record metrics before the handler returns (wait"
              + " for work it fans out)");
    }
  }

  private static InvalidMetricException clash(String name, String as) {
    return new InvalidMetricException(
        "["
            + name
            + "] is already a metric, dimension or metadata key of this invocation and cannot"
            + " also be a "
            + as
            + "; every name on a metric line is one member of one JSON object");
  }

  private static InvalidMetricException otherValue(String name) {
    return new InvalidMetricException(
        "Dimension ["
            + name
            + "] already has another value in this invocation; a dimension has one value per"
            + " invocation");
  }
}
