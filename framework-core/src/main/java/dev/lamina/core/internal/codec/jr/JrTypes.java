package dev.lamina.core.internal.codec.jr;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classes jr may read or write, judged one class at a time: jr asks about every class it
 * meets, so nothing here walks a type graph. Taken are {@code String}, booleans, {@code int},
 * {@code long}, {@code double}, {@code float} and their boxes, {@code BigDecimal},
 * {@code BigInteger}, {@code Object}, enums named by {@code name()}, {@code java.util}
 * collections and maps, and records and beans of the application's own packages with no Jackson
 * annotation whose declared property types jr handles as databind does. Everything else is
 * declined: dates, {@code Optional}, arrays, {@code short}, {@code char}, event classes, ...
 */
final class JrTypes {
  private static final Set<Class<?>> SCALARS =
      Set.of(
          String.class,
          Boolean.class,
          boolean.class,
          Integer.class,
          int.class,
          Long.class,
          long.class,
          Double.class,
          double.class,
          Float.class,
          float.class,
          BigDecimal.class,
          BigInteger.class);

  private static final List<String> FOREIGN =
      List.of(
          "java.",
          "javax.",
          "jdk.",
          "sun.",
          "com.sun.",
          "com.fasterxml.",
          "com.amazonaws.",
          "software.amazon.",
          "org.joda.",
          "kotlin.",
          "scala.",
          "groovy.");

  private static final ClassValue<Boolean> TAKEN =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
          return decide(c);
        }
      };

  private JrTypes() {}

  /** Whether jr handles values of {@code c}; the classes of its properties are asked in turn. */
  static boolean takes(Class<?> c) {
    return TAKEN.get(c);
  }

  private static boolean decide(Class<?> c) {
    if (SCALARS.contains(c) || c == Object.class) {
      return true;
    }
    if (c.isEnum()) {
      return !annotated(c) && namedByName(c);
    }
    String name = c.getName();
    if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
      return name.startsWith("java.util.") && !name.startsWith("java.util.concurrent.atomic");
    }
    int mods = c.getModifiers();
    if (c.isPrimitive()
        || c.isArray()
        || c.isInterface()
        || Modifier.isAbstract(mods)
        || c.isAnonymousClass()
        || c.isLocalClass()
        || c.isSynthetic()
        || (c.isMemberClass() && !Modifier.isStatic(mods))) {
      return false;
    }
    for (Class<?> k = c; k != Object.class && k != Record.class; k = k.getSuperclass()) {
      if (foreign(k) || annotated(k) || !allFit(propertyTypes(k))) {
        return false;
      }
    }
    return true;
  }

  /** The declared types of the properties jr reads or writes: components, fields, accessors. */
  private static List<Type> propertyTypes(Class<?> c) {
    List<Type> types = new ArrayList<>();
    if (c.isRecord()) {
      for (RecordComponent component : c.getRecordComponents()) {
        types.add(component.getGenericType());
      }
    }
    for (Field f : c.getDeclaredFields()) {
      if (Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers())) {
        types.add(f.getGenericType());
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      int mods = m.getModifiers();
      if (!Modifier.isPublic(mods) || Modifier.isStatic(mods) || m.isSynthetic()) {
        continue;
      }
      if (m.getParameterCount() == 0 && m.getName().startsWith("get")) {
        types.add(m.getGenericReturnType());
      } else if (m.getParameterCount() == 1 && m.getName().startsWith("set")) {
        types.add(m.getGenericParameterTypes()[0]);
      }
    }
    return types;
  }

  /**
   * Whether jr handles a declared type as databind does. jr writes values of its own "simple"
   * types (dates, UUIDs, arrays, enums, ...) without asking, so those must be types it takes; a
   * value of an application class is asked about when met. Map keys must be text: jr reads every
   * key as a {@code String}.
   */
  private static boolean fits(Type t) {
    if (t instanceof Class<?> raw) {
      if (raw == Object.class
          || raw == void.class
          || Collection.class.isAssignableFrom(raw)
          || Map.class.isAssignableFrom(raw)) {
        return true;
      }
      if (raw.isPrimitive() || raw.isEnum() || foreign(raw)) {
        return takes(raw);
      }
      return !raw.isArray() && !raw.isInterface() && !Modifier.isAbstract(raw.getModifiers());
    }
    if (t instanceof ParameterizedType p
        && p.getRawType() instanceof Class<?> raw
        && (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw))) {
      Type[] args = p.getActualTypeArguments();
      boolean textKeys =
          !Map.class.isAssignableFrom(raw) || args[0] == String.class || args[0] == Object.class;
      return textKeys && allFit(List.of(args));
    }
    return false; // other generic classes, type variables, wildcards, generic arrays
  }

  // Loops, not streams: this runs at init, where each lambda and stream shape costs a class.
  private static boolean allFit(List<Type> types) {
    for (Type t : types) {
      if (!fits(t)) {
        return false;
      }
    }
    return true;
  }

  private static boolean foreign(Class<?> c) {
    String name = c.getName();
    for (String prefix : FOREIGN) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean namedByName(Class<?> enumType) {
    try {
      return enumType.getMethod("toString").getDeclaringClass() == Enum.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static boolean annotated(Class<?> c) {
    List<AnnotatedElement> elements = new ArrayList<>(List.of(c));
    elements.addAll(List.of(c.getDeclaredFields()));
    elements.addAll(List.of(c.getDeclaredMethods()));
    elements.addAll(List.of(c.getDeclaredConstructors()));
    for (AnnotatedElement e : elements) {
      if (jackson(e.getDeclaredAnnotations())) {
        return true;
      }
      if (e instanceof Executable x) {
        for (Annotation[] parameter : x.getParameterAnnotations()) {
          if (jackson(parameter)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean jackson(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a.annotationType().getName().startsWith("com.fasterxml.jackson.")) {
        return true;
      }
    }
    return false;
  }
}
