package dev.lamina.core.internal.codec;

import java.lang.reflect.Type;

/** Readable names of Java types for exception messages: {@code java.util.List<dev.x.Order>}. */
final class TypeNames {
  private TypeNames() {}

  static String of(Type type) {
    if (type == null) {
      return "null";
    }
    return type instanceof Class<?> c ? c.getTypeName() : type.getTypeName();
  }
}
