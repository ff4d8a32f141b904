package dev.lamina.validation.internal;

import io.avaje.validation.spi.MessageInterpolator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes each violation's rule instead of a sentence: {@code NotBlank}, {@code Min(18)}, {@code
 * Size(max=40)}, from the constraint's message key ({@code {avaje.Min.message}}) and its
 * attributes, which come from the annotation in code, never from the value. A constraint with a
 * message of the user's own keeps that message (also written in code).
 */
final class RuleInterpolator implements MessageInterpolator {
  private static final String PREFIX = "{avaje.";
  private static final List<String> SKIPPED = List.of("message", "groups", "_type", "payload");

  /** Parameters in the order people write them; any other after these, by name. */
  private static final List<String> ORDER =
      List.of("value", "min", "max", "integer", "fraction", "inclusive", "regexp", "flags");

  @Override
  public String interpolate(String template, Map<String, Object> attributes) {
    Object key = attributes.get("message");
    if (!(key instanceof String k) || !k.startsWith(PREFIX) || !k.endsWith(".message}")) {
      return template; // the user's own message
    }
    String name = k.substring(PREFIX.length(), k.indexOf('.', PREFIX.length()));
    if (name.equals("Length")) {
      name = "Size"; // avaje checks a Jakarta @Size on text as its Length: report what was written
    }
    StringBuilder rule = new StringBuilder(name);
    if (attributes.size() == 2 && attributes.containsKey("value")
        || attributes.size() == 3
            && attributes.containsKey("value")
            && attributes.containsKey("_type")) {
      return rule.append('(').append(attributes.get("value")).append(')').toString();
    }
    boolean first = true;
    for (Map.Entry<String, Object> e : ordered(attributes)) {
      Object v = e.getValue();
      if (SKIPPED.contains(e.getKey())
          || v == null
          || (v instanceof Collection<?> c && c.isEmpty())
          || (v instanceof Object[] a && a.length == 0)
          || ("regexp".equals(e.getKey()) && ".*".equals(v))) {
        continue;
      }
      rule.append(first ? "(" : ", ").append(e.getKey()).append('=').append(v);
      first = false;
    }
    return first ? rule.toString() : rule.append(')').toString();
  }

  private static List<Map.Entry<String, Object>> ordered(Map<String, Object> attributes) {
    List<Map.Entry<String, Object>> entries = new ArrayList<>(attributes.entrySet());
    entries.sort(
        Comparator.comparingInt(
                (Map.Entry<String, Object> e) -> {
                  int i = ORDER.indexOf(e.getKey());
                  return i < 0 ? ORDER.size() : i;
                })
            .thenComparing(Map.Entry::getKey));
    return entries;
  }
}
