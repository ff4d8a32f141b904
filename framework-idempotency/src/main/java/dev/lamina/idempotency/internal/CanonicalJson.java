package dev.lamina.idempotency.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Canonical JSON for hashing: object properties sorted at every level, numbers exact (decimals
 * read as {@code BigDecimal}, trailing zeros stripped, so {@code 1.50} and {@code 1.5} are the
 * same number and {@code 12345678901234567.89} stays itself), no insignificant white space. Two
 * payloads that differ only in property order or spacing hash alike (a client that re-serialises
 * its request on retry may reorder properties). Stateless.
 */
public final class CanonicalJson {
  /**
   * What an absent part hashes as: not JSON, so it never equals the hash of any JSON value
   * ({@code null} included).
   */
  private static final byte[] ABSENT = {0, 'a', 'b', 's', 'e', 'n', 't'};

  private CanonicalJson() {}

  /** The tree of a JSON document read exactly, or {@code null} if the bytes are not one JSON value. */
  public static JsonNode parse(byte[] json) {
    try {
      return Holder.MAPPER.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The tree of a text that holds a JSON object or array, or {@code null} if it holds anything
   * else (plain text, a scalar, broken JSON).
   */
  public static JsonNode parseContainer(String text) {
    String t = text.strip();
    if (!(t.startsWith("{") || t.startsWith("["))) {
      return null;
    }
    try {
      JsonNode node = Holder.MAPPER.readTree(t);
      return node != null && node.isContainerNode() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The canonical JSON of a tree. */
  public static byte[] bytes(JsonNode node) {
    try {
      return Holder.MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always writes", e);
    }
  }

  /** The canonical JSON of a tree, as text. */
  public static String text(JsonNode node) {
    return new String(bytes(node), StandardCharsets.UTF_8);
  }

  /**
   * The SHA-256 of a tree's canonical JSON; a missing node (an absent part) hashes as a value
   * distinct from every JSON value, JSON {@code null} included.
   */
  public static String hash(JsonNode node) {
    return Hashes.sha256(node == null || node.isMissingNode() ? ABSENT : bytes(node));
  }

  /** Created on first use; never reconfigured after creation. */
  private static final class Holder {
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
        .enable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .build();
  }
}
