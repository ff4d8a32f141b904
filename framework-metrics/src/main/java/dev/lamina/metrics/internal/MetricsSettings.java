package dev.lamina.metrics.internal;

import dev.lamina.core.metrics.LaminaMetric;
import java.util.Map;
import java.util.Set;

/**
 * The metrics settings as resolved at init, from code and environment together. Immutable.
 *
 * @param namespace the CloudWatch namespace; {@code null} only when not writing
 * @param service the {@code Service} dimension's value; never {@code null}
 * @param writing whether lines are written (off by a switch for local runs)
 * @param builtIns the built-in groups that are counted
 * @param defaultDimensions added after {@code Service} to every invocation's default set
 */
record MetricsSettings(
    String namespace,
    String service,
    boolean writing,
    Set<LaminaMetric.Group> builtIns,
    Map<String, String> defaultDimensions) {}
