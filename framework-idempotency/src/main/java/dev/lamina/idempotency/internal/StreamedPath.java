package dev.lamina.idempotency.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * A {@link JsonPointerPath}'s key read straight from JSON bytes with jackson-core's streaming
 * parser, so the common key ({@code /orderId}: a string or integer at a path of plain objects)
 * costs no tree and no {@code ObjectMapper} at cold start: that is about 330 classes of
 * jackson-databind the orders sample no longer loads.
 *
 * <p>It answers only where its answer is the tree's ({@link JsonPointerPath#textAt}) by
 * construction, and otherwise says {@link #UNDECIDED} so the caller walks the tree: a text value
 * met before the end (it may carry JSON) or at the end that looks like JSON, a {@code body} step
 * (it may be base64), a decimal, an object or array at the end (its key is canonical JSON), a
 * repeated property name (the tree keeps the last), a path into a batch's records, and anything
 * that is not exactly one JSON document. Stateless.
 */
final class StreamedPath {
  /** The answer when the tree must decide; compared by identity. */
  static final String UNDECIDED = new String("undecided");

  private StreamedPath() {}

  /**
   * The key text at the path in a JSON document: the value as text, {@code null} if absent or
   * JSON {@code null}, or {@link #UNDECIDED}.
   */
  static String textAt(JsonPointerPath path, byte[] json) {
    if (path.startsAtRecords()) {
      return UNDECIDED;
    }
    try (JsonParser p = CanonicalHash.JSON.createParser(json)) {
      if (p.nextToken() == null) {
        return UNDECIDED;
      }
      Found found = new Found();
      walk(p, path, 0, found);
      if (found.undecided || p.nextToken() != null) {
        return UNDECIDED; // trailing content: the tree reads no document at all
      }
      return found.text;
    } catch (IOException e) {
      return UNDECIDED;
    }
  }

  /** What the walk found: the text (or {@code null} for none), or that the tree must decide. */
  private static final class Found {
    String text;
    boolean undecided;
  }

  /**
   * Walks the value at the parser's current token, which is where step {@code depth} applies,
   * and leaves the parser on that value's last token.
   */
  private static void walk(JsonParser p, JsonPointerPath path, int depth, Found found)
      throws IOException {
    JsonToken token = p.currentToken();
    if (depth == path.length()) {
      found.text = scalar(p, token, path.step(depth - 1), found);
      return;
    }
    String step = path.step(depth);
    if (token == JsonToken.START_OBJECT) {
      if ("body".equals(step)) {
        found.undecided = true; // base64 or not depends on a sibling that may come later
        p.skipChildren();
        return;
      }
      boolean seen = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean match = step.equals(p.currentName());
        p.nextToken();
        if (match && seen) {
          found.undecided = true; // a repeated name: the tree keeps the last one
        }
        if (match && !found.undecided) {
          seen = true;
          walk(p, path, depth + 1, found);
        } else {
          p.skipChildren();
        }
      }
    } else if (token == JsonToken.START_ARRAY) {
      int index = step.matches("0|[1-9][0-9]{0,8}") ? Integer.parseInt(step) : -1;
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (i++ == index && !found.undecided) {
          walk(p, path, depth + 1, found);
        } else {
          p.skipChildren();
        }
      }
    } else if (token == JsonToken.VALUE_STRING) {
      found.undecided = true; // a text on the way may carry JSON to descend into
    }
    // any other scalar on the way: nothing at the path (the tree says the same)
  }

  /** The key text of the value at the end of the path. */
  private static String scalar(JsonParser p, JsonToken token, String lastStep, Found found)
      throws IOException {
    switch (token) {
      case VALUE_STRING:
        String text = p.getText();
        String t = text.strip();
        if ("body".equals(lastStep) || t.startsWith("{") || t.startsWith("[")) {
          found.undecided = true;
          return null;
        }
        return text;
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? p.getBigIntegerValue().toString()
            : Long.toString(p.getLongValue());
      case VALUE_TRUE:
        return "true";
      case VALUE_FALSE:
        return "false";
      case VALUE_NULL:
        return null;
      default: // a decimal, an object or an array
        found.undecided = true;
        p.skipChildren();
        return null;
    }
  }
}
