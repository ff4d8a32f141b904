/**
 * Reading and writing the {@code aws-lambda-java-events} classes on the runtime's event-codec list
 * exactly as the Lambda Java runtime does. Each such class gets its own mapper, as in the runtime,
 * with the mix-ins the runtime gives it ({@link dev.lamina.core.internal.codec.events.EventMixins},
 * one mix-in class per runtime mix-in, named alike), epoch-seconds {@link java.util.Date}s, joda
 * {@code DateTime} text, PascalCase for SNS, and a port of the runtime's org.json reader and
 * writer for S3 events.
 *
 * <p>Every class here touches event or joda classes. Nothing outside this package refers to it
 * except through {@link dev.lamina.core.internal.codec.events.EventsMapperFactory}, which the codec
 * calls only after a by-name check that the target type is an event class, so functions without the
 * events jar never load this package.
 */
package dev.lamina.core.internal.codec.events;
