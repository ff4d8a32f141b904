package dev.lamina.idempotency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.lamina.core.Invocation;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.idempotency.KeySource;

/**
 * One invocation's input seen by the idempotency protocol: the decoded value, and, computed at
 * most once and only if asked for, its JSON bytes and its tree. A raw {@code byte[]} input (the
 * proxy over a stream handler) is its own bytes; anything else is written by the codec. The tree
 * keeps numbers exact. Confined to the invocation's thread.
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

  /** The tree; a missing node when a raw input is not JSON. */
  @Override
  public JsonNode json() {
    if (json == null) {
      if (input instanceof JsonNode) {
        json = (JsonNode) input;
      } else {
        JsonNode parsed = CanonicalJson.parse(bytes());
        json = parsed != null ? parsed : MissingNode.getInstance();
      }
    }
    return json;
  }

  /** Whether the input is not a tree already, and no tree has been built from its bytes. */
  boolean isStreamable() {
    return json == null && !(input instanceof JsonNode);
  }

  /** Whether the tree was already built (by a key extractor). */
  boolean hasTree() {
    return json != null;
  }

  /** The input's bytes: a raw input as it arrived, anything else as the codec writes it. */
  byte[] bytes() {
    if (bytes == null) {
      bytes = input instanceof byte[] ? (byte[]) input : codec.writeBytes(input);
    }
    return bytes;
  }
}
