package dev.lamina.idempotency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.lamina.idempotency.IdempotencyException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A compiled JSON-pointer-like path that also descends into fields carrying JSON as text (see
 * {@code KeyExtractors} and {@link JsonText}). Immutable, thread-safe.
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
      throw new IllegalArgumentException(
          "Key path ["
              + expression
              + "] must start with '/' and name"
              + " at least one property, such as /body/orderId");
    }
    List<String> steps = new ArrayList<>();
    for (String raw : expression.substring(1).split("/", -1)) {
      if (raw.matches(".*~[^01].*|.*~$")) {
        throw new IllegalArgumentException(
            "Key path [" + expression + "] has a bad escape: use ~0" + " for '~' and ~1 for '/'");
      }
      steps.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return new JsonPointerPath(expression, steps.toArray(new String[0]));
  }

  /** How many steps the path has. */
  int length() {
    return steps.length;
  }

  /** The unescaped property name or index of step {@code i}. */
  String step(int i) {
    return steps[i];
  }

  /**
   * Whether the path goes into the records of a batch event ({@code /Records/..} of SQS, SNS,
   * Kinesis, DynamoDB Streams and S3 events, {@code /records/..} of Kafka events).
   */
  public boolean startsAtRecords() {
    return steps.length > 1 && (steps[0].equals("Records") || steps[0].equals("records"));
  }

  /**
   * The node at this path, or a missing node. A text field met on the way or at the end that
   * holds a JSON object or array (an HTTP or SQS body) is parsed; a {@code body} whose sibling
   * {@code isBase64Encoded} is true is decoded first.
   *
   * @throws IdempotencyException if the path picks one record of an event that carries several
   */
  public JsonNode nodeAt(JsonNode root) {
    JsonNode node = root;
    for (int i = 0; i < steps.length; i++) {
      JsonNode next = descend(node, steps[i]);
      if (i == 0 && i + 1 < steps.length && startsAtRecords() && recordCount(next) > 1) {
        throw new IdempotencyException(
            "Key path ["
                + expression
                + "] picks one record of an event"
                + " that carries "
                + recordCount(next)
                + ": a redelivered record arrives in another"
                + " batch, so this key would not find it; make each record idempotent instead, with"
                + " framework-batch's per-record idempotency");
      }
      if (next.isMissingNode()) {
        return next;
      }
      node = next;
    }
    return node;
  }

  /**
   * The value at this path as key text: a string or number as text, an object or array as its
   * canonical JSON (properties sorted); {@code null} if absent or JSON {@code null}.
   */
  public String textAt(JsonNode root) {
    JsonNode node = nodeAt(root);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    return node.isValueNode() && !node.isBinary() ? node.asText() : CanonicalJson.text(node);
  }

  private static JsonNode descend(JsonNode node, String step) {
    if (node.isObject()) {
      return JsonText.field(node, step);
    }
    if (node.isArray() && step.matches("0|[1-9][0-9]{0,8}")) {
      return JsonText.expand(node.path(Integer.parseInt(step)), false);
    }
    return MissingNode.getInstance();
  }

  /** How many records a {@code Records} array or a Kafka {@code records} object holds. */
  private static int recordCount(JsonNode records) {
    if (records.isArray()) {
      return records.size();
    }
    int count = 0;
    if (records.isObject()) {
      for (Iterator<JsonNode> it = records.elements(); it.hasNext(); ) {
        JsonNode partition = it.next();
        count += partition.isArray() ? partition.size() : 0;
      }
    }
    return count;
  }

  @Override
  public String toString() {
    return expression;
  }
}
