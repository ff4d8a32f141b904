/**
 * CloudWatch metrics for Lamina handlers, written as Embedded Metric Format lines on standard
 * output: no SDK, no network call, no thread.
 *
 * <p>Switch it on with {@link dev.lamina.metrics.Metrics @Metrics} on the handler, or give a
 * {@link dev.lamina.metrics.MetricsConfig} to a builder; record metrics through {@link
 * dev.lamina.core.Invocation#metrics()}.
 */
package dev.lamina.metrics;
