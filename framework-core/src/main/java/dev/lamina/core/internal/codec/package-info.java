/**
 * The standard {@link dev.lamina.core.codec.PayloadCodec}: jackson-databind configured as leniently
 * as the Lambda Java runtime, with failures translated into Lamina's payload-free codec exceptions.
 *
 * <p>Not public API: users obtain a codec from {@link dev.lamina.core.codec.Codecs#standard()}.
 * Nothing in this package touches a class of {@code aws-lambda-java-events}; that support lives in
 * {@code dev.lamina.core.internal.codec.events} and is loaded only when an event type is read or
 * written.
 */
package dev.lamina.core.internal.codec;
