/** The greeting with CloudWatch metrics: {@code @Metrics} and {@code invocation.metrics()}. */
package dev.lamina.samples.metrics;
