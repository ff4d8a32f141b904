package dev.lamina.core.internal.codec;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares two object graphs field by field, by reflection: declared fields of the class and all
 * its superclasses (static fields skipped), recursively. Leaf values (strings, numbers, booleans,
 * enums, chars) compare with {@code equals}; {@link Date} by time; {@link ByteBuffer} by remaining
 * contents; joda {@code DateTime} by instant (found by name, so joda is not needed on this class's
 * path); collections element by element in order; maps entry by entry by key. No getters are
 * called, so ambiguous or computed getters cannot hide or invent differences.
 */
final class FieldGraphWalker {
  private final Set<Object> visiting = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  private FieldGraphWalker() {}

  /** The path of the first difference, such as {@code $.records[0].kinesis.data}; empty if equal. */
  static Optional<String> firstDifference(Object expected, Object actual) {
    return Optional.ofNullable(new FieldGraphWalker().compare("$", expected, actual));
  }

  /**
   * How many values the graph holds: leaves, dates and buffers that are not {@code null}, zero,
   * {@code false} or empty. A graph read from a fixture with a value count of zero read nothing.
   */
  static int valueCount(Object graph) {
    return new FieldGraphWalker().count(graph);
  }

  private int count(Object o) {
    if (o == null || (isLeaf(o) && isEmptyLeaf(o))) {
      return 0;
    }
    if (isLeaf(o)
        || o instanceof Date
        || o instanceof ByteBuffer
        || o.getClass().getName().equals("org.joda.time.DateTime")) {
      return 1;
    }
    if (!visiting.add(o)) {
      return 0;
    }
    try {
      int n = 0;
      if (o instanceof Map<?, ?> map) {
        for (Object value : map.values()) {
          n += count(value);
        }
      } else if (o instanceof Collection<?> collection) {
        for (Object element : collection) {
          n += count(element);
        }
      } else if (o.getClass().isArray()) {
        for (int i = 0; i < Array.getLength(o); i++) {
          n += count(Array.get(o, i));
        }
      } else {
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
          for (Field field : c.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
              field.setAccessible(true);
              n += count(read(field, o));
            }
          }
        }
      }
      return n;
    } finally {
      visiting.remove(o);
    }
  }

  private static boolean isEmptyLeaf(Object o) {
    return (o instanceof CharSequence s && s.length() == 0)
        || (o instanceof Number n && n.doubleValue() == 0)
        || Boolean.FALSE.equals(o);
  }

  private static Object read(Field field, Object owner) {
    try {
      return field.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + field, e);
    }
  }

  private String compare(String path, Object a, Object b) {
    if (a == b) {
      return null;
    }
    if (a == null || b == null) {
      return path + " (" + describe(a) + " vs " + describe(b) + ")";
    }
    if (a.getClass() != b.getClass()) {
      return path + " (class " + a.getClass().getName() + " vs " + b.getClass().getName() + ")";
    }
    if (isLeaf(a)) {
      return a.equals(b) ? null : path + " (" + a + " vs " + b + ")";
    }
    if (a instanceof Date da) {
      return da.getTime() == ((Date) b).getTime()
          ? null
          : path + " (" + da.getTime() + " vs " + ((Date) b).getTime() + ")";
    }
    if (a instanceof ByteBuffer ba) {
      return ba.equals(b) ? null : path + " (byte contents differ)";
    }
    if (a.getClass().getName().equals("org.joda.time.DateTime")) {
      long ma = millisOf(a);
      long mb = millisOf(b);
      return ma == mb ? null : path + " (instant " + ma + " vs " + mb + ")";
    }
    if (!visiting.add(a)) {
      return null; // a cycle: already being compared further up
    }
    try {
      if (a instanceof Map<?, ?> ma) {
        return compareMaps(path, ma, (Map<?, ?>) b);
      }
      if (a instanceof Collection<?> ca) {
        return compareSequences(path, new ArrayList<>(ca), new ArrayList<>((Collection<?>) b));
      }
      if (a.getClass().isArray()) {
        return compareArrays(path, a, b);
      }
      return compareFields(path, a, b);
    } finally {
      visiting.remove(a);
    }
  }

  private String compareMaps(String path, Map<?, ?> a, Map<?, ?> b) {
    if (!a.keySet().equals(b.keySet())) {
      return path + " (keys " + a.keySet() + " vs " + b.keySet() + ")";
    }
    for (Map.Entry<?, ?> e : a.entrySet()) {
      String diff = compare(path + "['" + e.getKey() + "']", e.getValue(), b.get(e.getKey()));
      if (diff != null) {
        return diff;
      }
    }
    return null;
  }

  private String compareSequences(String path, List<?> a, List<?> b) {
    if (a.size() != b.size()) {
      return path + " (size " + a.size() + " vs " + b.size() + ")";
    }
    Iterator<?> ib = b.iterator();
    int i = 0;
    for (Object ea : a) {
      String diff = compare(path + "[" + i++ + "]", ea, ib.next());
      if (diff != null) {
        return diff;
      }
    }
    return null;
  }

  private String compareArrays(String path, Object a, Object b) {
    int length = Array.getLength(a);
    if (length != Array.getLength(b)) {
      return path + " (length " + length + " vs " + Array.getLength(b) + ")";
    }
    for (int i = 0; i < length; i++) {
      String diff = compare(path + "[" + i + "]", Array.get(a, i), Array.get(b, i));
      if (diff != null) {
        return diff;
      }
    }
    return null;
  }

  private String compareFields(String path, Object a, Object b) {
    for (Class<?> c = a.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
          continue;
        }
        field.setAccessible(true);
        String diff = compare(path + "." + field.getName(), read(field, a), read(field, b));
        if (diff != null) {
          return diff;
        }
      }
    }
    return null;
  }

  private static boolean isLeaf(Object o) {
    return o instanceof CharSequence
        || o instanceof Number
        || o instanceof Boolean
        || o instanceof Character
        || o instanceof Enum<?>
        || o instanceof Class<?>;
  }

  private static long millisOf(Object dateTime) {
    try {
      return (long) dateTime.getClass().getMethod("getMillis").invoke(dateTime);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String describe(Object o) {
    return o == null ? "null" : Objects.toString(o.getClass().getSimpleName());
  }
}
