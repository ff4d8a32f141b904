/**
 * The standard {@link dev.lamina.core.codec.PayloadCodec}: jackson-jr for plain records, beans,
 * maps, lists and scalars (the {@code Jr*} classes; they load no databind class), and
 * jackson-databind, configured as leniently as the Lambda Java runtime and built on first need, for
 * the rest. Failures on both paths are translated into Lamina's payload-free codec exceptions.
 *
 * <p>Not public API: users obtain a codec from {@link dev.lamina.core.codec.Codecs#standard()}.
 * Nothing in this package touches a class of {@code aws-lambda-java-events}; that support lives in
 * {@code dev.lamina.core.internal.codec.events} and is loaded only when an event type is read or
 * written.
 */
package dev.lamina.core.internal.codec;
