package dev.lamina.idempotency.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Input types whose JSON, as the codec writes it, is already canonical for the type: a record
 * whose components are, all the way down, scalars (primitives and their boxes, {@code String},
 * enums, {@code BigDecimal}, {@code BigInteger}), lists or arrays of them, and such records. The
 * codec writes them with properties in declaration order and one spelling per value, so equal
 * values always give equal bytes, whatever order the client sent; their hash needs no parsing.
 * Anything that may hold a map, a set, an arbitrary object or a type variable is not of this kind
 * and is hashed through {@link CanonicalHash}. Decided once per type, at init. Stateless.
 */
final class FixedOrderTypes {
  private static final int MAX_DEPTH = 8;
  private static final Set<Class<?>> SCALARS =
      Set.of(
          String.class,
          Boolean.class,
          Character.class,
          Byte.class,
          Short.class,
          Integer.class,
          Long.class,
          Float.class,
          Double.class,
          BigDecimal.class,
          BigInteger.class);

  private FixedOrderTypes() {}

  /** Whether values of {@code type} are written by the codec in one canonical form. */
  static boolean isFixedOrder(Type type) {
    return fixed(type, 0, new HashSet<>()) && type instanceof Class && ((Class<?>) type).isRecord();
  }

  private static boolean fixed(Type type, int depth, Set<Class<?>> seen) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (type instanceof Class) {
      Class<?> c = (Class<?>) type;
      if (c.isPrimitive() || SCALARS.contains(c) || c.isEnum()) {
        return true;
      }
      if (c.isArray()) {
        return fixed(c.getComponentType(), depth + 1, seen);
      }
      if (!c.isRecord() || !seen.add(c)) {
        return false; // beans, maps, sets, Object, interfaces; or a record that refers to itself
      }
      for (RecordComponent component : c.getRecordComponents()) {
        if (!fixed(component.getGenericType(), depth + 1, seen)) {
          return false;
        }
      }
      seen.remove(c);
      return true;
    }
    if (type instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) type;
      return p.getRawType() == List.class && fixed(p.getActualTypeArguments()[0], depth + 1, seen);
    }
    if (type instanceof GenericArrayType) {
      return fixed(((GenericArrayType) type).getGenericComponentType(), depth + 1, seen);
    }
    return false; // type variables, wildcards
  }
}
