/**
 * What the local event source mappings share: how they invoke a function
 * ({@link dev.lamina.test.eventsource.FunctionInvoker}), what they record of each invocation
 * ({@link dev.lamina.test.eventsource.Delivery}) and how they fail
 * ({@link dev.lamina.test.eventsource.EventSourceException}). The mappings themselves are
 * {@link dev.lamina.test.sqs.SqsEventSource} and the stream sources in
 * {@link dev.lamina.test.stream}.
 */
package dev.lamina.test.eventsource;
