package dev.lamina.idempotency.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON with object properties sorted at every level, so two payloads that differ only in property
 * order hash alike (a client that re-serialises its request on retry may reorder them).
 */
final class CanonicalJson {
  private CanonicalJson() {}

  static byte[] bytes(JsonNode node) {
    try {
      return Holder.MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always writes", e);
    }
  }

  /** Created on first use; never reconfigured after creation. */
  private static final class Holder {
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
        .build();
  }
}
