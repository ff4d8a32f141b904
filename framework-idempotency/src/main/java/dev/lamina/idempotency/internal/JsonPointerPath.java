package dev.lamina.idempotency.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A compiled JSON-pointer-like path that also descends into strings holding JSON (see {@code
 * KeyExtractors}). Immutable, thread-safe.
 */
public final class JsonPointerPath {
  private final String expression;
  private final String[] steps;

  private JsonPointerPath(String expression, String[] steps) {
    this.expression = expression;
    this.steps = steps;
  }

  /**
   * Compiles a path.
   *
   * @throws IllegalArgumentException naming the path if it is malformed
   */
  public static JsonPointerPath compile(String expression) {
    Objects.requireNonNull(expression, "path");
    if (!expression.startsWith("/") || expression.length() < 2) {
      throw new IllegalArgumentException("Key path [" + expression + "] must start with '/' and name"
          + " at least one property, such as /body/orderId");
    }
    List<String> steps = new ArrayList<>();
    for (String raw : expression.substring(1).split("/", -1)) {
      if (raw.matches(".*~[^01].*|.*~$")) {
        throw new IllegalArgumentException("Key path [" + expression + "] has a bad escape: use ~0"
            + " for '~' and ~1 for '/'");
      }
      steps.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return new JsonPointerPath(expression, steps.toArray(new String[0]));
  }

  /** The node at this path, or a missing node. */
  public JsonNode nodeAt(JsonNode root) {
    JsonNode node = root;
    for (String step : steps) {
      node = descend(unwrap(node), step);
      if (node.isMissingNode()) {
        return node;
      }
    }
    return node;
  }

  /** The value at this path as text (compact JSON for containers), or {@code null} if absent. */
  public String textAt(JsonNode root) {
    JsonNode node = nodeAt(root);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private static JsonNode descend(JsonNode node, String step) {
    if (node.isObject()) {
      return node.path(step);
    }
    if (node.isArray() && step.matches("0|[1-9][0-9]{0,8}")) {
      return node.path(Integer.parseInt(step));
    }
    return MissingNode.getInstance();
  }

  /** A string holding a JSON object or array is parsed; anything else is returned as is. */
  private static JsonNode unwrap(JsonNode node) {
    if (!node.isTextual()) {
      return node;
    }
    String text = node.textValue().trim();
    if (!(text.startsWith("{") || text.startsWith("["))) {
      return node;
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return node;
    }
  }

  @Override
  public String toString() {
    return expression;
  }

  /** Created on first use of a JSON-in-a-string body; never reconfigured after creation. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
