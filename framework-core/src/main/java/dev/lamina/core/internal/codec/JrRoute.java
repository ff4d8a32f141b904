package dev.lamina.core.internal.codec;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which path reads or writes a type, decided once per type: jr as a single value, as a
 * {@code List<X>}, as a {@code Map<String, X>}, or databind.
 *
 * @param kind how jr reads it, or {@link Kind#DATABIND}
 * @param target the class jr reads (the element class for lists and maps); {@code null} for databind
 */
record JrRoute(Kind kind, Class<?> target) {
  enum Kind { VALUE, LIST, MAP, DATABIND }

  static final JrRoute DATABIND = new JrRoute(Kind.DATABIND, null);

  boolean isJr() {
    return kind != Kind.DATABIND;
  }

  /** Whether jr writes values of {@code type} (a value's own class, so any collection or map). */
  static boolean writable(Class<?> type) {
    return !EventRouting.usesEventCodec(type) && JrEligibility.accepts(type);
  }

  /** The route for reading {@code type}; see {@link JrEligibility} for the rule. */
  static JrRoute decide(Type type) {
    if (EventRouting.usesEventCodec(type) || !JrEligibility.accepts(type)) {
      return DATABIND;
    }
    if (type == List.class || type == Collection.class) {
      return new JrRoute(Kind.LIST, Object.class);
    }
    if (type == Map.class) {
      return new JrRoute(Kind.MAP, Object.class);
    }
    if (type instanceof Class<?> c) {
      // jr reads other raw collection and map classes only as typed properties, not at the top
      return Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c) ? DATABIND : new JrRoute(Kind.VALUE, c);
    }
    // jr's top-level API reads List<X> and Map<String, X> for a plain class X only
    ParameterizedType p = (ParameterizedType) type;
    Type[] args = p.getActualTypeArguments();
    Type raw = p.getRawType();
    Type element = args[args.length - 1];
    if (!(element instanceof Class<?> e) || Collection.class.isAssignableFrom(e) || Map.class.isAssignableFrom(e)) {
      return DATABIND;
    }
    if (raw == List.class || raw == Collection.class) {
      return new JrRoute(Kind.LIST, e);
    }
    if (raw == Map.class) {
      return new JrRoute(Kind.MAP, e);
    }
    return DATABIND;
  }
}
