package dev.lamina.core.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads settings from environment variables with one set of rules, collecting every problem
 * instead of stopping at the first, so a function with three bad variables fails its init once,
 * naming all three. The rules: a value is trimmed; blank means unset; a bad value is a problem
 * that names the variable and what it must be. Values of settings are quoted in problems (they
 * are switches and numbers, never payloads); the reader is not for secrets.
 *
 * <p>Used by every module that reads variables: core, configuration, idempotency and the proxy
 * handlers. Not thread-safe; use one per init.
 */
public final class EnvironmentReader {
  private static final Logger log = LoggerFactory.getLogger(EnvironmentReader.class);

  private final Map<String, String> variables;
  private final List<String> problems = new ArrayList<>();

  /**
   * @param variables the environment variables; not {@code null}
   */
  public EnvironmentReader(Map<String, String> variables) {
    this.variables = Objects.requireNonNull(variables, "variables");
  }

  /** The variables read. */
  public Map<String, String> variables() {
    return variables;
  }

  /** The trimmed value, or {@code null} if the variable is unset or blank. */
  public String get(String name) {
    String value = variables.get(name);
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }

  /**
   * The value under {@code name}, else under its deprecated former name, with a warning that
   * says to rename it.
   */
  public String get(String name, String deprecatedName) {
    String value = get(name);
    if (value == null) {
      value = get(deprecatedName);
      if (value != null) {
        log.warn(
            "[{}] is deprecated: rename it to [{}]; the old name will stop working in a"
                + " later release",
            deprecatedName,
            name);
      }
    }
    return value;
  }

  /** The first of the variables that is set, or {@code null}. */
  public String firstOf(String... names) {
    for (String name : names) {
      String value = get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /**
   * The value; a problem if it is unset.
   *
   * @param howToSet completes "[NAME] is required: ...", such as "the table name"
   */
  public String require(String name, String howToSet) {
    String value = get(name);
    if (value == null) {
      problem("[" + name + "] is required: " + howToSet);
    }
    return value;
  }

  /** A whole number, or {@code null} if unset; a problem if it is not one. */
  public Long wholeNumber(String name) {
    String value = get(name);
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      problem("[" + name + "] must be a whole number, was [" + value + "]");
      return null;
    }
  }

  /**
   * A whole number in a range, or {@code null} if unset; else a problem "[NAME] {rule}, was
   * [value]".
   *
   * @param rule the rule as the user should read it, such as "must be a whole number from 1 to
   *     10"
   */
  public Long wholeNumber(String name, long min, long max, String rule) {
    String value = get(name);
    if (value == null) {
      return null;
    }
    try {
      long n = Long.parseLong(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, with the rule
    }
    problem("[" + name + "] " + rule + ", was [" + value + "]");
    return null;
  }

  /** {@code true} or {@code false} in any case, or {@code null} if unset; else a problem. */
  public Boolean bool(String name) {
    String value = get(name);
    if (value == null) {
      return null;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.valueOf(value.toLowerCase(Locale.ROOT));
    }
    problem("[" + name + "] must be true or false, was [" + value + "]");
    return null;
  }

  /** One of an enum's constants, in any case, or {@code null} if unset; else a problem. */
  public <E extends Enum<E>> E oneOf(String name, Class<E> type) {
    String value = get(name);
    if (value == null) {
      return null;
    }
    E[] constants = type.getEnumConstants();
    for (E constant : constants) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (int i = 0; i < constants.length; i++) {
      allowed
          .append(i == 0 ? "" : i == constants.length - 1 ? " or " : ", ")
          .append(constants[i].name());
    }
    problem("[" + name + "] must be " + allowed + ", was [" + value + "]");
    return null;
  }

  /**
   * An absolute URI (scheme and host), or {@code null} if unset; else a problem.
   *
   * @param example an example value for the problem, such as {@code http://127.0.0.1:8000}
   */
  public URI absoluteUri(String name, String example) {
    String value = get(name);
    if (value == null) {
      return null;
    }
    try {
      URI uri = new URI(value);
      if (uri.getScheme() != null && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, with the example
    }
    problem("[" + name + "] must be an absolute URI such as " + example + ", or unset");
    return null;
  }

  /** Adds a problem of the caller's own. */
  public void problem(String message) {
    problems.add(Objects.requireNonNull(message, "message"));
  }

  /** The problems so far, in the order found. */
  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }

  /** Whether any problem was found. */
  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** The problems joined with {@code "; "}, after a subject such as "Idempotency store". */
  public String describeProblems(String subject) {
    return subject + ": " + String.join("; ", problems);
  }
}
