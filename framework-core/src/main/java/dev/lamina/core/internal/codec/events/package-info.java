/**
 * Reading and writing the {@code aws-lambda-java-events} classes exactly as the Lambda Java runtime
 * does: Lamina's own mix-ins (PascalCase {@code Records}, {@code eventSourceARN}, DynamoDB
 * {@code Keys}/{@code NewImage}/{@code S}/{@code N}/..., SNS PascalCase, {@code detail-type}),
 * epoch-seconds {@link java.util.Date}s, joda {@code DateTime} text, and the runtime's separate
 * reading of {@code S3Event}.
 *
 * <p>Every class here touches event or joda classes. Nothing outside this package refers to it
 * except through {@link dev.lamina.core.internal.codec.events.EventsMapperFactory}, which the codec
 * calls only after a by-name check that the target type is an event class, so functions without the
 * events jar never load this package.
 */
package dev.lamina.core.internal.codec.events;
