package dev.lamina.idempotency.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * JSON read exactly (decimals as {@code BigDecimal}, so {@code 12345678901234567.89} stays itself)
 * and written canonically: object properties sorted at every level, one spelling per number (see
 * {@link CanonicalHash}), no insignificant white space. Object and array keys are this text, so a
 * reordered key is the same key. Stateless.
 */
public final class CanonicalJson {
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
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    write(node, out);
    return out.toByteArray();
  }

  /**
   * Writes the canonical JSON of a tree by walking it with a plain generator, which keeps
   * databind's serializer machinery (tens of classes at cold start) out of hashing.
   */
  private static void write(JsonNode node, OutputStream out) {
    try (JsonGenerator generator = Holder.MAPPER.getFactory().createGenerator(out)) {
      write(node, generator);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing to memory cannot fail", e);
    }
  }

  private static void write(JsonNode node, JsonGenerator g) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT:
        List<String> names = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(names::add);
        Collections.sort(names);
        g.writeStartObject();
        for (String name : names) {
          g.writeFieldName(name);
          write(node.get(name), g);
        }
        g.writeEndObject();
        break;
      case ARRAY:
        g.writeStartArray();
        for (JsonNode element : node) {
          write(element, g);
        }
        g.writeEndArray();
        break;
      case STRING:
        g.writeString(node.textValue());
        break;
      case NUMBER:
        writeNumber(node, g);
        break;
      case BOOLEAN:
        g.writeBoolean(node.booleanValue());
        break;
      case BINARY:
        g.writeBinary(node.binaryValue());
        break;
      default: // NULL, MISSING, POJO: none occur in a parsed tree but null
        g.writeNull();
    }
  }

  private static void writeNumber(JsonNode node, JsonGenerator g) throws IOException {
    g.writeNumber(CanonicalHash.canonicalNumber(node));
  }

  /** The canonical JSON of a tree, as text. */
  public static String text(JsonNode node) {
    return new String(bytes(node), StandardCharsets.UTF_8);
  }

  /** Created on first use; never reconfigured after creation. */
  private static final class Holder {
    static final ObjectMapper MAPPER =
        JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
  }
}
