package dev.lamina.core.internal.codec;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether jackson-jr reads or writes a type the way the lenient databind mapper would. The
 * rule is deliberately conservative; anything it does not accept goes to databind:
 *
 * <ul>
 *   <li>{@code String}, {@code boolean}, {@code int}, {@code long}, {@code short}, {@code byte},
 *       {@code double}, {@code float} (and their boxes), {@code BigDecimal}, {@code BigInteger},
 *       {@code Object};
 *   <li>enums that do not override {@code toString()} (jr names constants by it);
 *   <li>{@code java.util} collections of such values, and {@code java.util} maps with
 *       {@code String} keys and such values (raw ones hold untyped values);
 *   <li>records and beans, with no Jackson annotation anywhere on them, whose public properties
 *       (getters, setters, public fields; record components) are all of such types, to a depth of
 *       {@value #MAX_DEPTH}, and which do not refer back to themselves (databind reports cycles).
 * </ul>
 *
 * <p>Everything else — arrays, {@code JsonNode}, {@code java.time}, {@code Date}, {@code Optional},
 * {@code ByteBuffer}, the {@code aws-lambda-java-events} classes, other generic classes, type
 * variables and wildcards — is not jr's. Pure reflection: no Jackson class is loaded here.
 */
final class JrEligibility {
  static final int MAX_DEPTH = 8;

  private static final Set<Class<?>> SCALARS = Set.of(
      String.class, Boolean.class, boolean.class, Integer.class, int.class, Long.class, long.class,
      Short.class, short.class, Byte.class, byte.class, Double.class, double.class, Float.class,
      float.class, BigDecimal.class, BigInteger.class);

  private static final List<String> FOREIGN_PACKAGES = List.of(
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "com.fasterxml.", "com.amazonaws.",
      "software.amazon.", "org.joda.", "kotlin.", "scala.", "groovy.");

  private final Set<Class<?>> visiting = new HashSet<>();

  private JrEligibility() {}

  /** True if jr handles {@code type}, as declared (reading) or as a value's class (writing). */
  static boolean accepts(Type type) {
    return new JrEligibility().check(type, 0);
  }

  /** True for the scalar types Lamina gives jr its own strict readers for. */
  static boolean isScalar(Class<?> c) {
    return SCALARS.contains(c);
  }

  private boolean check(Type type, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (type instanceof Class<?> c) {
      return checkClass(c, depth);
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
        && isJdkContainer(raw)) {
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw) && args.length == 1) {
        return check(args[0], depth + 1);
      }
      if (Map.class.isAssignableFrom(raw) && args.length == 2) {
        return args[0] == String.class && check(args[1], depth + 1);
      }
    }
    return false; // other generic classes, type variables, wildcards, generic arrays
  }

  private boolean checkClass(Class<?> c, int depth) {
    if (SCALARS.contains(c) || c == Object.class) {
      return true;
    }
    if (c.isEnum()) {
      return !hasJacksonAnnotation(c) && declaresNoToString(c);
    }
    if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
      return isJdkContainer(c);
    }
    if (c.isPrimitive() || c.isArray() || c.isInterface() || Modifier.isAbstract(c.getModifiers())
        || c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()
        || (c.isMemberClass() && !Modifier.isStatic(c.getModifiers()))
        || isForeign(c.getName()) || hasJacksonAnnotation(c)) {
      return false;
    }
    if (!visiting.add(c)) {
      return false; // refers to itself: databind detects the cycles such a type allows
    }
    try {
      return c.isRecord() ? checkRecord(c, depth) : checkBean(c, depth);
    } finally {
      visiting.remove(c);
    }
  }

  private boolean checkRecord(Class<?> c, int depth) {
    for (RecordComponent component : c.getRecordComponents()) {
      if (hasJacksonAnnotation(component) || hasJacksonAnnotation(component.getAccessor())
          || !check(component.getGenericType(), depth + 1)) {
        return false;
      }
    }
    return hasNoJacksonMembers(c);
  }

  private boolean checkBean(Class<?> c, int depth) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      if (k != c && (isForeign(k.getName()) || hasJacksonAnnotation(k))) {
        return false;
      }
      if (!hasNoJacksonMembers(k)) {
        return false;
      }
      for (Field f : k.getDeclaredFields()) {
        int m = f.getModifiers();
        if (!Modifier.isStatic(m) && Modifier.isPublic(m)
            && (Modifier.isTransient(m) || !check(f.getGenericType(), depth + 1))) {
          return false;
        }
      }
      for (Method method : k.getDeclaredMethods()) {
        Type property = propertyType(method);
        if (property != null && !check(property, depth + 1)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The type of the property a public getter or setter exposes; {@code null} if it is neither. */
  private static Type propertyType(Method m) {
    int mods = m.getModifiers();
    if (Modifier.isStatic(mods) || !Modifier.isPublic(mods) || m.isSynthetic() || m.isBridge()) {
      return null;
    }
    String name = m.getName();
    int params = m.getParameterCount();
    if (params == 0 && name.startsWith("get") && name.length() > 3 && m.getReturnType() != void.class) {
      return m.getGenericReturnType();
    }
    if (params == 0 && name.startsWith("is") && name.length() > 2) {
      // databind takes only primitive boolean is-getters; jr also takes Boolean ones
      return m.getReturnType() == boolean.class ? boolean.class : Object[].class;
    }
    if (params == 1 && name.startsWith("set") && name.length() > 3) {
      return m.getGenericParameterTypes()[0];
    }
    return null;
  }

  private static boolean hasNoJacksonMembers(Class<?> c) {
    List<AnnotatedElement> members = new ArrayList<>();
    members.addAll(List.of(c.getDeclaredFields()));
    members.addAll(List.of(c.getDeclaredMethods()));
    members.addAll(List.of(c.getDeclaredConstructors()));
    for (Iterator<AnnotatedElement> it = members.iterator(); it.hasNext(); ) {
      if (hasJacksonAnnotation(it.next())) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasJacksonAnnotation(AnnotatedElement element) {
    for (Annotation a : element.getDeclaredAnnotations()) {
      if (a.annotationType().getName().startsWith("com.fasterxml.jackson.")) {
        return true;
      }
    }
    if (element instanceof java.lang.reflect.Executable e) {
      for (Annotation[] perParameter : e.getParameterAnnotations()) {
        for (Annotation a : perParameter) {
          if (a.annotationType().getName().startsWith("com.fasterxml.jackson.")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean declaresNoToString(Class<?> enumType) {
    try {
      return enumType.getMethod("toString").getDeclaringClass() == Enum.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** {@code java.util} collections and maps (and their interfaces): jr builds or writes them as-is. */
  private static boolean isJdkContainer(Class<?> c) {
    return c.getName().startsWith("java.util.") && !c.getName().startsWith("java.util.concurrent.atomic");
  }

  private static boolean isForeign(String className) {
    for (String prefix : FOREIGN_PACKAGES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
