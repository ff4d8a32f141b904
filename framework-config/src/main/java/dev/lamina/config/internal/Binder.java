package dev.lamina.config.internal;

import dev.lamina.config.ConfigurationException;
import dev.lamina.config.ConfigurationException.Problem;
import dev.lamina.config.ParameterValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks every binding's text up in its source, converts it, and builds the instance; or collects
 * every problem and throws them together. Never puts a value in a problem.
 */
public final class Binder {
  private Binder() {}

  /**
   * Binds.
   *
   * @param plan the type's plan
   * @param env environment variables
   * @param parameters fetched parameters by full name
   * @param path the resolved path, or {@code null} if none
   * @param problems problems found so far (the plan's, the path's); added to
   * @throws ConfigurationException listing every problem, if there is any
   */
  public static <T> T bind(
      ConfigPlan<T> plan,
      Map<String, String> env,
      Map<String, ParameterValue> parameters,
      String path,
      List<Problem> problems) {
    List<Binding> bindings = plan.bindings();
    Object[] values = new Object[bindings.size()];
    for (int i = 0; i < bindings.size(); i++) {
      Binding b = bindings.get(i);
      String key = b.key();
      String source = b.source().description();
      String text = null;
      boolean secure = false;
      switch (b.source()) {
        case ENV:
          text = env.get(key);
          if (text != null && text.isEmpty()) {
            text = null;
          }
          break;
        case PARAMETER:
          ParameterValue p = parameters.get(key);
          if (p != null) {
            text = p.value();
            secure = p.secure();
          }
          break;
        case PATH:
          if (path == null) {
            continue; // the path's own problem is reported already
          }
          source = source + " [" + path + "]";
          key = ConfigPlan.join(path, key);
          ParameterValue q = parameters.get(key);
          if (q != null) {
            text = q.value();
            secure = q.secure();
          }
          break;
        default:
          throw new IllegalStateException(b.source().name());
      }
      String expected = b.converter().expected();
      if (secure && !b.secret()) {
        problems.add(
            new Problem(
                key,
                source + ", SecureString",
                b.field(),
                "SecretValue",
                "is a SecureString: declare the field as SecretValue so toString, logs and messages"
                    + " mask it"));
        continue;
      }
      boolean fromDefault = false;
      if (text == null) {
        if (b.defaultValue() != null) {
          text = b.defaultValue();
          fromDefault = true;
        } else if (b.optional()) {
          values[i] = b.wrapInOptional() ? Optional.empty() : null;
          continue;
        } else {
          problems.add(new Problem(key, source, b.field(), expected, missing(b.source())));
          continue;
        }
      }
      Object value;
      try {
        value = b.converter().convert(text);
      } catch (RuntimeException e) {
        // Never the exception's message: it may quote the value.
        problems.add(
            fromDefault
                ? new Problem(
                    "@Default",
                    "annotation, used because [" + key + "] is missing",
                    b.field(),
                    expected,
                    "the default is not a valid " + expected)
                : new Problem(
                    key, source, b.field(), expected, "the value is not a valid " + expected));
        continue;
      }
      values[i] = b.wrapInOptional() ? Optional.of(value) : value;
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(plan.type(), problems);
    }
    try {
      return plan.instantiate(values);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw new ConfigurationException(
          "Configuration ["
              + plan.type().getName()
              + "] rejected its values: its constructor threw "
              + e.getCause().getClass().getName()
              + "; check the validation in its constructor",
          e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ConfigurationException(
          "Configuration ["
              + plan.type().getName()
              + "] could not be created: "
              + e.getClass().getName()
              + "; make it a record or a class with a no-arg constructor",
          e);
    }
  }

  private static String missing(Binding.Source source) {
    switch (source) {
      case ENV:
        return "missing: set the variable, give the field a @Default, or mark it @NotRequired";
      case PARAMETER:
        return "missing: create the parameter (and allow ssm:GetParameters on it), give the field"
            + " a @Default, or mark it @NotRequired";
      default:
        return "missing: create the parameter (and allow ssm:GetParametersByPath on the path),"
            + " give the field a @Default, or mark it @NotRequired";
    }
  }

  /** Resolves the type's path from its annotation or the environment; adds a problem if it cannot. */
  public static String path(ConfigPlan<?> plan, Map<String, String> env, List<Problem> problems) {
    if (!plan.usesPath()) {
      return null;
    }
    if (plan.pathLiteral() != null) {
      return plan.pathLiteral();
    }
    if (plan.pathEnv() == null) {
      return null; // the annotation's own problem is reported already
    }
    String value = env.get(plan.pathEnv());
    if (value == null || value.isEmpty()) {
      problems.add(
          new Problem(
              plan.pathEnv(),
              "environment variable, from @ParameterPath",
              "(path of " + plan.type().getSimpleName() + ")",
              "an SSM path such as /app/prod",
              "missing: set it to the path the @PathParameter fields live under"));
      return null;
    }
    if (!value.startsWith("/")) {
      problems.add(
          new Problem(
              plan.pathEnv(),
              "environment variable, from @ParameterPath",
              "(path of " + plan.type().getSimpleName() + ")",
              "an SSM path such as /app/prod",
              "the value does not start with /"));
      return null;
    }
    return ConfigPlan.normalizePath(value);
  }

  /** Masked description of an instance: secret fields show as {@code ****}. */
  public static <T> String describe(ConfigPlan<T> plan, T instance) {
    StringBuilder b = new StringBuilder(plan.type().getSimpleName()).append('[');
    List<Binding> bindings = plan.bindings();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < bindings.size(); i++) {
      Binding binding = bindings.get(i);
      String shown;
      if (binding.secret()) {
        shown = "****";
      } else {
        try {
          shown = String.valueOf(plan.valueOf(instance, i));
        } catch (ReflectiveOperationException | RuntimeException e) {
          shown = "?";
        }
      }
      parts.add(binding.field() + "=" + shown);
    }
    return b.append(String.join(", ", parts)).append(']').toString();
  }
}
