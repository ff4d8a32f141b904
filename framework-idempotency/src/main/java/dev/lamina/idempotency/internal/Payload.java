package dev.lamina.idempotency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.core.Invocation;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.idempotency.KeySource;

/**
 * One invocation's input seen by the idempotency protocol: the decoded value, and, computed at
 * most once and only if asked for, its JSON bytes (as the codec writes them) and tree. Confined to
 * the invocation's thread.
 */
final class Payload implements KeySource {
  private final Object input;
  private final Invocation invocation;
  private final PayloadCodec codec;
  private byte[] bytes;
  private JsonNode json;

  Payload(Object input, Invocation invocation, PayloadCodec codec) {
    this.input = input;
    this.invocation = invocation;
    this.codec = codec;
  }

  @Override
  public Object input() {
    return input;
  }

  @Override
  public Invocation invocation() {
    return invocation;
  }

  @Override
  public JsonNode json() {
    if (json == null) {
      json = input instanceof JsonNode ? (JsonNode) input : codec.read(bytes(), JsonNode.class);
    }
    return json;
  }

  /** The input as the codec writes it. */
  byte[] bytes() {
    if (bytes == null) {
      bytes = codec.writeBytes(input);
    }
    return bytes;
  }
}
