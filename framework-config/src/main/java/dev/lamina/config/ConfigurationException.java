package dev.lamina.config;

import dev.lamina.core.LaminaException;
import java.util.List;
import java.util.Objects;

/**
 * Configuration could not be loaded: one exception that lists every missing or unconvertible key
 * at once, each with its source and the expected type, so one failed cold start tells the whole
 * story. Thrown at init, it becomes the function's init error. Messages never contain a value.
 *
 * <p>Immutable.
 */
public class ConfigurationException extends LaminaException {
  private static final long serialVersionUID = 1L;

  /** The problems; empty when the whole source failed (see the cause). */
  private final transient List<Problem> problems;

  /**
   * Creates an exception listing problems.
   *
   * @param type the configuration type; not {@code null}
   * @param problems every problem found; not empty
   */
  public ConfigurationException(Class<?> type, List<Problem> problems) {
    super(message(type, problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Creates an exception for a failure that stopped loading altogether (SSM unreachable, access
   * denied).
   *
   * @param message what failed and how to fix it; never a value
   * @param cause the underlying failure
   */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
    this.problems = List.of();
  }

  /** Every problem found, in field order; empty if loading failed as a whole. */
  public List<Problem> problems() {
    return problems == null ? List.of() : problems;
  }

  private static String message(Class<?> type, List<Problem> problems) {
    StringBuilder b =
        new StringBuilder("Configuration [")
            .append(type.getName())
            .append("] is invalid: ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems")
            .append(", fix them all before the next deploy:");
    for (Problem p : problems) {
      b.append("\n  - ").append(p);
    }
    return b.toString();
  }

  /**
   * One missing or bad key.
   *
   * @param key the key as its source names it: the variable, the parameter's full name, or an
   *     annotation ({@code @Default}); never {@code null}
   * @param source where it was looked for, such as {@code environment variable}; never {@code null}
   * @param field the field it binds to; never {@code null}
   * @param expected the expected type, such as {@code int} or {@code Duration}; never {@code null}
   * @param issue what is wrong and how to fix it; never contains the value
   */
  public record Problem(String key, String source, String field, String expected, String issue) {
    public Problem {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(expected, "expected");
      Objects.requireNonNull(issue, "issue");
    }

    @Override
    public String toString() {
      return "["
          + key
          + "] ("
          + source
          + ", field ["
          + field
          + "], expected "
          + expected
          + "): "
          + issue;
    }
  }
}
