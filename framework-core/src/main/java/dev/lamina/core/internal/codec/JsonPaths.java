package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders locations in a JSON document as JSON paths: {@code $}, {@code $.items[1].qty},
 * {@code $['x-amz-id-2']}. Property names come from the document's keys, never its values; very
 * deep paths are cut after {@value #MAX_SEGMENTS} segments and end in {@code [...]}.
 */
public final class JsonPaths {
  static final int MAX_SEGMENTS = 24;

  private JsonPaths() {}

  /** The path of a databind failure, from its reference chain (root first). */
  static String of(List<JsonMappingException.Reference> references) {
    List<Object> segments = new ArrayList<>();
    for (JsonMappingException.Reference ref : references) {
      if (ref.getFieldName() != null) {
        segments.add(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        segments.add(ref.getIndex());
      }
    }
    return render(segments);
  }

  /** The path of the parser's position, for failures below databind (malformed input). */
  static String of(JsonStreamContext context) {
    List<Object> segments = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        segments.add(0, Math.max(c.getCurrentIndex(), 0));
      } else if (c.inObject() && c.getCurrentName() != null) {
        segments.add(0, c.getCurrentName());
      }
    }
    return render(segments);
  }

  /**
   * Renders segments as a JSON path: a {@code String} is a property name, an {@code Integer} an
   * array index. Used by every module that reports where in a document something is.
   *
   * @param segments root first
   * @return the path, starting with {@code $}
   */
  public static String render(List<Object> segments) {
    StringBuilder path = new StringBuilder("$");
    for (int i = 0; i < segments.size(); i++) {
      if (i == MAX_SEGMENTS) {
        return path.append("[...]").toString();
      }
      Object s = segments.get(i);
      if (s instanceof Integer index) {
        path.append('[').append(index).append(']');
      } else if (isIdentifier((String) s)) {
        path.append('.').append(s);
      } else {
        String escaped = ((String) s).replace("\\", "\\\\").replace("'", "\\'");
        path.append("['").append(escaped).append("']");
      }
    }
    return path.toString();
  }

  private static boolean isIdentifier(String name) {
    return !name.isEmpty()
        && Character.isJavaIdentifierStart(name.charAt(0))
        && name.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
  }
}
