/**
 * SQS for integration tests: {@link dev.lamina.test.sqs.ElasticMq} runs an SQS-compatible server
 * on loopback in its own JVM, and {@link dev.lamina.test.sqs.SqsEventSource} wires one of its
 * queues to a function with a local event source mapping that deletes, leaves for retry and
 * dead-letters messages as Lambda's does.
 *
 * <p>{@code ElasticMq} needs no SDK; {@code SqsEventSource} needs
 * {@code software.amazon.awssdk:sqs} and {@code url-connection-client} on the test class path.
 */
package dev.lamina.test.sqs;
