/**
 * Reading CloudWatch Embedded Metric Format lines in tests: {@link dev.lamina.test.metrics.EmfLine}
 * parses a line into the metrics it claims, checking the specification's rules, and {@link
 * dev.lamina.test.metrics.EmfSchema} validates it against a JSON Schema of the format.
 */
package dev.lamina.test.metrics;
