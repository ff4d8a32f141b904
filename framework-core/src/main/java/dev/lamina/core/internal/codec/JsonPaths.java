package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Renders locations in a JSON document as JSON paths: {@code $}, {@code $.items[1].qty},
 * {@code $['x-amz-id-2']}. Property names come from the document's keys, never its values; very
 * deep paths are cut after {@value #MAX_SEGMENTS} segments and end in {@code [...]}.
 */
final class JsonPaths {
  static final int MAX_SEGMENTS = 24;

  private JsonPaths() {}

  /** The path of a databind failure, from its reference chain (root first). */
  static String of(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder("$");
    int count = 0;
    for (JsonMappingException.Reference ref : references) {
      if (++count > MAX_SEGMENTS) {
        return path.append("[...]").toString();
      }
      if (ref.getFieldName() != null) {
        appendName(path, ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** The path of the parser's current position, for failures below databind (malformed input). */
  static String of(JsonStreamContext context) {
    Deque<JsonStreamContext> chain = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.push(c);
    }
    StringBuilder path = new StringBuilder("$");
    int count = 0;
    for (JsonStreamContext c : chain) {
      if (++count > MAX_SEGMENTS) {
        return path.append("[...]").toString();
      }
      if (c.inArray()) {
        path.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
      } else if (c.inObject() && c.getCurrentName() != null) {
        appendName(path, c.getCurrentName());
      }
    }
    return path.toString();
  }

  private static void appendName(StringBuilder path, String name) {
    if (isIdentifier(name)) {
      path.append('.').append(name);
    } else {
      path.append("['").append(name.replace("\\", "\\\\").replace("'", "\\'")).append("']");
    }
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!Character.isJavaIdentifierPart(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
