/**
 * The metrics seam of core: the per-invocation handle ({@link
 * dev.lamina.core.metrics.InvocationMetrics}, from {@link
 * dev.lamina.core.Invocation#metrics()}), units, storage resolutions and Lamina's own built-in
 * metrics.
 *
 * <p>Core only defines the handle and a no-op; the {@code framework-metrics} module's {@code
 * @Metrics} feature supplies one that writes CloudWatch Embedded Metric Format lines. So Lamina's
 * features (idempotency, batch, the time guard) count their outcomes without knowing whether
 * metrics are on, and a function without {@code @Metrics} loads nothing of it.
 */
package dev.lamina.core.metrics;
