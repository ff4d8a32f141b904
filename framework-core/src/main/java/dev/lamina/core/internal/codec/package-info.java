/**
 * The standard {@link dev.lamina.core.codec.PayloadCodec}, in rooms by engine: {@code jr} (fast,
 * loads no databind class), {@code databind} (the reference, built on first need) and
 * {@code events} (the runtime's event codec, restated as mix-ins). This package holds what they
 * share: the router ({@code JacksonPayloadCodec}), the by-name event check, the lenient parser
 * factory, and the one translator of failures into Lamina's payload-free exceptions.
 *
 * <p>Not public API: users obtain a codec from {@link dev.lamina.core.codec.Codecs#standard()}.
 */
package dev.lamina.core.internal.codec;
