package dev.lamina.core.internal.codec;

/** The zero value of each primitive type, boxed: what databind reads a JSON {@code null} as. */
final class PrimitiveDefaults {
  private PrimitiveDefaults() {}

  static Object of(Class<?> type) {
    if (type == boolean.class) {
      return Boolean.FALSE;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == double.class) {
      return 0d;
    }
    if (type == float.class) {
      return 0f;
    }
    if (type == short.class) {
      return (short) 0;
    }
    if (type == byte.class) {
      return (byte) 0;
    }
    if (type == char.class) {
      return '\0';
    }
    return null;
  }
}
