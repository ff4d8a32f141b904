package dev.lamina.idempotency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Event fields that carry a payload as text: an HTTP {@code body} (base64 when the event's {@code
 * isBase64Encoded} is true), an SQS body, an SNS message, Kinesis and Kafka data (always base64).
 * Expanding such a field gives the same node for the same payload however it was carried: the
 * tree when it holds a JSON object or array, the text otherwise, and binary data as bytes.
 * Stateless.
 */
public final class JsonText {
  private JsonText() {}

  /**
   * A field of an object, expanded: a {@code body} whose sibling {@code isBase64Encoded} is true
   * is decoded first.
   */
  public static JsonNode field(JsonNode container, String name) {
    JsonNode value = container.path(name);
    boolean base64 = "body".equals(name) && container.path("isBase64Encoded").asBoolean(false);
    return expand(value, base64);
  }

  /**
   * A text node expanded: base64-decoded if {@code base64} (and decodable), then parsed if it
   * holds a JSON object or array. Anything else is returned as is.
   */
  public static JsonNode expand(JsonNode value, boolean base64) {
    if (!value.isTextual()) {
      return value;
    }
    String text = value.textValue();
    if (base64) {
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(text.strip());
      } catch (IllegalArgumentException e) {
        return value; // flagged as base64 but is not: leave the text alone
      }
      text = utf8(bytes);
      if (text == null) {
        return BinaryNode.valueOf(bytes);
      }
    }
    JsonNode parsed = CanonicalJson.parseContainer(text);
    return parsed != null ? parsed : text == value.textValue() ? value : TextNode.valueOf(text);
  }

  /** The bytes as UTF-8 text, or {@code null} if they are not valid UTF-8. */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
