package dev.lamina.config.internal;

import dev.lamina.config.ConfigurationException.Problem;
import dev.lamina.config.Default;
import dev.lamina.config.Env;
import dev.lamina.config.Parameter;
import dev.lamina.config.ParameterPath;
import dev.lamina.config.PathParameter;
import dev.lamina.config.Secret;
import dev.lamina.config.SecretValue;
import dev.lamina.core.codec.PayloadCodec;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How to build one configuration type: its bindings, its path, and how to instantiate it. Made
 * once per type by reflection (at init), then immutable and thread-safe. Mistakes in the type
 * itself (an {@code @NotRequired} primitive, a {@code @Secret String}) are kept as problems and
 * reported together with the load's own.
 *
 * @param <T> the configuration type
 */
public final class ConfigPlan<T> {
  private final Class<T> type;
  private final List<Binding> bindings;
  private final String pathLiteral;
  private final String pathEnv;
  private final List<Problem> problems;
  private final Constructor<T> constructor;
  private final List<Field> fields;

  private ConfigPlan(
      Class<T> type,
      List<Binding> bindings,
      String pathLiteral,
      String pathEnv,
      List<Problem> problems,
      Constructor<T> constructor,
      List<Field> fields) {
    this.type = type;
    this.bindings = List.copyOf(bindings);
    this.pathLiteral = pathLiteral;
    this.pathEnv = pathEnv;
    this.problems = List.copyOf(problems);
    this.constructor = constructor;
    this.fields = fields == null ? null : List.copyOf(fields);
  }

  /**
   * Reads a configuration type.
   *
   * @param type a record, or a class with a no-arg constructor
   * @param codec asked for the codec only if a field is converted from JSON
   */
  public static <T> ConfigPlan<T> of(Class<T> type, Supplier<PayloadCodec> codec) {
    List<Problem> problems = new ArrayList<>();
    List<Binding> bindings = new ArrayList<>();
    ParameterPath path = type.getAnnotation(ParameterPath.class);
    String pathLiteral = null;
    String pathEnv = null;
    if (path != null) {
      boolean literal = !path.value().isEmpty();
      boolean env = !path.fromEnv().isEmpty();
      if (literal == env) {
        problems.add(
            new Problem(
                "@ParameterPath",
                "annotation on the type",
                type.getSimpleName(),
                "one of value or fromEnv",
                "set exactly one of value (\"/app/prod\") or fromEnv"));
      } else if (literal && !path.value().startsWith("/")) {
        problems.add(
            new Problem(
                "@ParameterPath",
                "annotation on the type",
                type.getSimpleName(),
                "a path starting with /",
                "start the path with /, as SSM requires"));
      } else {
        pathLiteral = literal ? trimSlash(path.value()) : null;
        pathEnv = env ? path.fromEnv() : null;
      }
    }

    Constructor<T> constructor = null;
    List<Field> fields = null;
    if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        types[i] = c.getType();
        bindings.add(
            binding(
                type,
                c.getName(),
                c.getGenericType(),
                c.getType(),
                c,
                path != null,
                codec,
                problems));
      }
      constructor = constructor(type, types, problems);
    } else if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      problems.add(
          new Problem(
              type.getSimpleName(),
              "configuration type",
              type.getSimpleName(),
              "a record or a concrete class",
              "make it a record or a concrete class"));
    } else {
      constructor = constructor(type, new Class<?>[0], problems);
      fields = new ArrayList<>();
      List<Class<?>> hierarchy = new ArrayList<>();
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        hierarchy.add(0, c);
      }
      for (Class<?> c : hierarchy) {
        for (Field f : c.getDeclaredFields()) {
          int m = f.getModifiers();
          if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
            continue;
          }
          f.setAccessible(true);
          fields.add(f);
          bindings.add(
              binding(
                  type,
                  f.getName(),
                  f.getGenericType(),
                  f.getType(),
                  f,
                  path != null,
                  codec,
                  problems));
        }
      }
    }
    return new ConfigPlan<>(type, bindings, pathLiteral, pathEnv, problems, constructor, fields);
  }

  private static <T> Constructor<T> constructor(
      Class<T> type, Class<?>[] types, List<Problem> problems) {
    try {
      Constructor<T> c = type.getDeclaredConstructor(types);
      c.setAccessible(true);
      return c;
    } catch (NoSuchMethodException | RuntimeException e) {
      problems.add(
          new Problem(
              type.getSimpleName(),
              "configuration type",
              type.getSimpleName(),
              "an accessible constructor",
              types.length == 0
                  ? "give the class a no-arg constructor, or make it a record"
                  : "keep the record's canonical constructor accessible"));
      return null;
    }
  }

  private static Binding binding(
      Class<?> owner,
      String name,
      Type generic,
      Class<?> raw,
      AnnotatedElement e,
      boolean hasPath,
      Supplier<PayloadCodec> codec,
      List<Problem> problems) {
    Env env = e.getAnnotation(Env.class);
    Parameter parameter = e.getAnnotation(Parameter.class);
    PathParameter pathParameter = e.getAnnotation(PathParameter.class);
    Default def = e.getAnnotation(Default.class);
    boolean optionalAnnotated = e.isAnnotationPresent(dev.lamina.config.NotRequired.class);
    boolean wrap = raw == Optional.class;
    Type valueType = wrap ? Converters.elementType(generic) : generic;

    Binding.Source source = Binding.Source.ENV;
    String key = Names.upperSnake(name);
    int sources =
        (env != null ? 1 : 0) + (parameter != null ? 1 : 0) + (pathParameter != null ? 1 : 0);
    if (sources > 1) {
      problems.add(
          new Problem(
              name,
              "annotations",
              name,
              "one source",
              "use only one of @Env, @Parameter and @PathParameter on it"));
    }
    if (parameter != null) {
      source = Binding.Source.PARAMETER;
      key = parameter.value();
      if (key.isEmpty()) {
        problems.add(
            new Problem(
                "@Parameter",
                "annotation",
                name,
                "a parameter name",
                "name the parameter, such as @Parameter(\"/app/prod/api-key\")"));
      }
    } else if (pathParameter != null) {
      source = Binding.Source.PATH;
      key =
          pathParameter.value().isEmpty()
              ? Names.kebab(name)
              : trimSlash(
                  pathParameter.value().startsWith("/")
                      ? pathParameter.value().substring(1)
                      : pathParameter.value());
      if (!hasPath) {
        problems.add(
            new Problem(
                "@PathParameter",
                "annotation",
                name,
                "a path on the type",
                "annotate [" + owner.getSimpleName() + "] with @ParameterPath"));
      }
    } else if (env != null && !env.value().isEmpty()) {
      key = env.value();
    }

    boolean secretType = Converters.raw(valueType) == SecretValue.class;
    if (e.isAnnotationPresent(Secret.class) && !secretType) {
      problems.add(
          new Problem(
              key,
              source.description(),
              name,
              "SecretValue",
              "is marked @Secret: declare it as SecretValue so toString, logs and messages mask it"));
    }
    if (raw.isPrimitive() && optionalAnnotated && def == null) {
      problems.add(
          new Problem(
              key,
              source.description(),
              name,
              raw.getName(),
              "a primitive cannot be @NotRequired: give it a @Default or use the wrapper type"));
    }
    Converter converter = Converters.forType(valueType, codec);
    return new Binding(
        name,
        generic,
        source,
        key,
        def == null ? null : def.value(),
        optionalAnnotated || wrap,
        wrap,
        secretType,
        converter);
  }

  private static String trimSlash(String s) {
    return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** The configuration type. */
  public Class<T> type() {
    return type;
  }

  /** The fields in declaration order. */
  public List<Binding> bindings() {
    return bindings;
  }

  /** Mistakes in the type itself; empty if none. */
  public List<Problem> problems() {
    return problems;
  }

  /** Whether any field reads SSM. */
  public boolean needsParameters() {
    return bindings.stream().anyMatch(b -> b.source() != Binding.Source.ENV);
  }

  /** The fixed path, without a trailing slash; {@code null} if none or taken from the environment. */
  public String pathLiteral() {
    return pathLiteral;
  }

  /** The variable that holds the path; {@code null} if none. */
  public String pathEnv() {
    return pathEnv;
  }

  /** Whether any field is under the path. */
  public boolean usesPath() {
    return bindings.stream().anyMatch(b -> b.source() == Binding.Source.PATH);
  }

  /**
   * Creates the instance from converted values in binding order.
   *
   * @throws ReflectiveOperationException if the constructor or a field set fails
   */
  public T instantiate(Object[] values) throws ReflectiveOperationException {
    if (fields == null) {
      return constructor.newInstance(values);
    }
    T instance = constructor.newInstance();
    for (int i = 0; i < values.length; i++) {
      fields.get(i).set(instance, values[i]);
    }
    return instance;
  }

  /** Reads one field's value back from an instance, for masked descriptions. */
  public Object valueOf(T instance, int index) throws ReflectiveOperationException {
    if (fields == null) {
      RecordComponent c = type.getRecordComponents()[index];
      java.lang.reflect.Method accessor = c.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(instance);
    }
    return fields.get(index).get(instance);
  }

  /** The full name of a key under a path; the root path {@code /} adds no second slash. */
  public static String join(String path, String key) {
    return path.endsWith("/") ? path + key : path + "/" + key;
  }

  /** Strips a trailing slash from a path, keeping {@code /}. */
  public static String normalizePath(String path) {
    return trimSlash(path);
  }
}
