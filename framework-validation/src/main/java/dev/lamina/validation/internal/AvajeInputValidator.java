package dev.lamina.validation.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lamina.core.codec.InputValidationException;
import dev.lamina.core.codec.InputValidator;
import dev.lamina.core.internal.codec.JsonPaths;
import io.avaje.validation.ConstraintViolation;
import io.avaje.validation.ConstraintViolationException;
import io.avaje.validation.Validator;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lamina's default validator: avaje-validator, with the adapters its annotation processor
 * generated for the input types. Violations become {@link InputValidationException.Violation}s:
 * avaje's property path rendered as a JSON path in the payload's property names ({@code
 * @JsonProperty} renames followed), and the rule as the constraint's name and parameters ({@code
 * Min(18)}), which {@link RuleInterpolator} writes in place of avaje's message. Thread-safe.
 */
public final class AvajeInputValidator implements InputValidator {
  private final Validator validator;

  /** Which classes have a generated adapter; asked once per class. */
  private final ClassValue<Boolean> validatable =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return hasAdapter(type);
        }
      };

  /** Builds the avaje validator; done once per handler, at init. */
  public AvajeInputValidator() {
    this.validator = Validator.builder().messageInterpolator(new RuleInterpolator()).build();
  }

  private boolean hasAdapter(Class<?> type) {
    if (type.isPrimitive()
        || type.isArray()
        || type.getName().startsWith("java.")
        || type.isEnum()
        || Map.class.isAssignableFrom(type)
        || Iterable.class.isAssignableFrom(type)) {
      return false;
    }
    try {
      validator.context().adapter(type);
      return true;
    } catch (RuntimeException e) {
      return false; // no adapter generated: the type declares no constraints
    }
  }

  @Override
  public void validate(Object value, Type type) {
    Class<?> c = value.getClass();
    if (!validatable.get(c)) {
      return;
    }
    Set<ConstraintViolation> found;
    try {
      found = validator.check(value);
    } catch (ConstraintViolationException e) {
      found = e.violations();
    }
    if (found.isEmpty()) {
      return;
    }
    List<InputValidationException.Violation> violations = new ArrayList<>(found.size());
    for (ConstraintViolation v : found) {
      violations.add(new InputValidationException.Violation(jsonPath(c, v.path()), v.message()));
    }
    throw new InputValidationException(c.getSimpleName(), violations);
  }

  /**
   * avaje's path ({@code address.lines.[1}, in Java property names) as a JSON path in the
   * payload's names: each property renamed by its {@code @JsonProperty}, each index as {@code
   * [n]}.
   */
  static String jsonPath(Class<?> root, String avajePath) {
    List<Object> segments = new ArrayList<>();
    Type current = root;
    for (String raw : avajePath.split("\\.")) {
      String part = raw.trim();
      if (part.isEmpty()) {
        continue;
      }
      if (part.startsWith("[")) {
        String digits = part.replaceAll("[^0-9]", "");
        if (!digits.isEmpty()) {
          segments.add(Integer.valueOf(digits));
          current = elementType(current);
          continue;
        }
        // a map key: [key] (never a value of the payload's own, only its key)
        segments.add(part.substring(1, part.endsWith("]") ? part.length() - 1 : part.length()));
        current = elementType(current);
        continue;
      }
      Member m = member(rawClass(current), part);
      segments.add(m.jsonName());
      current = m.type();
    }
    return JsonPaths.render(segments);
  }

  private record Member(String jsonName, Type type) {}

  private static Member member(Class<?> owner, String javaName) {
    if (owner == null) {
      return new Member(javaName, null);
    }
    if (owner.isRecord()) {
      for (RecordComponent rc : owner.getRecordComponents()) {
        if (rc.getName().equals(javaName)) {
          JsonProperty p = rc.getAnnotation(JsonProperty.class);
          if (p == null) {
            p = rc.getAccessor().getAnnotation(JsonProperty.class);
          }
          return new Member(renamed(p, javaName), rc.getGenericType());
        }
      }
    }
    for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(javaName);
        return new Member(
            renamed(f.getAnnotation(JsonProperty.class), javaName), f.getGenericType());
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return new Member(javaName, null);
  }

  private static String renamed(JsonProperty p, String javaName) {
    return p != null && !p.value().isEmpty() ? p.value() : javaName;
  }

  private static Type elementType(Type t) {
    if (t instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      return args[args.length - 1]; // List<E>: E; Map<K, V>: V
    }
    if (t instanceof Class<?> c && c.isArray()) {
      return c.getComponentType();
    }
    return null;
  }

  private static Class<?> rawClass(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }
}
