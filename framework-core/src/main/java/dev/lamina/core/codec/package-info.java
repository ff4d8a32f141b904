/**
 * JSON reading and writing of invocation payloads: the {@link dev.lamina.core.codec.PayloadCodec}
 * contract, its standard implementation, and its typed failures.
 */
package dev.lamina.core.codec;
