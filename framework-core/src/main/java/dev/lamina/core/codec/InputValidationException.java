package dev.lamina.core.codec;

import dev.lamina.core.http.Problem;
import dev.lamina.core.http.ProblemSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The input was read, but breaks the constraints its type declares: every violation, each with
 * the JSON path (in the JSON property names the payload uses) and the rule, never the value.
 * Thrown before the handler runs; in a batch it fails that record only. An HTTP handler answers
 * it as 400 Bad Request with every violation in the problem's {@code errors} member ({@link
 * #problem()}): the request is what is wrong, in the same way as malformed JSON, and 400 is what
 * API Gateway's own request validation answers.
 *
 * <pre>{@code
 * Input [SignupRequest] breaks 2 constraints: $.email Email; $.age Min(18)
 * }</pre>
 */
public final class InputValidationException extends CodecException implements ProblemSource {
  private static final long serialVersionUID = 1L;

  /**
   * One broken constraint.
   *
   * @param path where, as a JSON path starting with {@code $}, such as {@code $.items[2].qty}
   * @param rule the constraint and its parameters, such as {@code NotBlank} or {@code Min(1)};
   *     never the value
   */
  public record Violation(String path, String rule) {
    /** Checks the fields. */
    public Violation {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String toString() {
      return path + " " + rule;
    }
  }

  /** The violations, kept as a plain list so the exception serialises. */
  private final List<Violation> violations;

  /**
   * @param targetType the input's type, as a readable name
   * @param violations every violation, in any order (they are sorted by path, then rule); not
   *     empty
   */
  public InputValidationException(String targetType, List<Violation> violations) {
    this(targetType, sorted(violations), true);
  }

  private InputValidationException(String targetType, List<Violation> sorted, boolean ignored) {
    super(message(targetType, sorted), targetType, sorted.get(0).path(), null);
    this.violations = sorted;
  }

  /** The violations by path, then rule: the same order whichever validator found them. */
  private static List<Violation> sorted(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("[violations] must not be empty");
    }
    List<Violation> copy = new ArrayList<>(violations);
    copy.sort(Comparator.comparing(Violation::path).thenComparing(Violation::rule));
    return List.copyOf(copy);
  }

  private static String message(String targetType, List<Violation> violations) {
    StringBuilder b =
        new StringBuilder("Input [")
            .append(targetType)
            .append("] breaks ")
            .append(violations.size())
            .append(violations.size() == 1 ? " constraint: " : " constraints: ");
    for (int i = 0; i < violations.size(); i++) {
      b.append(i == 0 ? "" : "; ").append(violations.get(i));
    }
    return b.toString();
  }

  /** Every violation, in a stable order (by path, then rule); never empty. */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * 400, with {@code errors}: one {@code {"path": .., "rule": ..}} per violation, no values.
   *
   * @return the problem
   */
  @Override
  public Problem problem() {
    List<Map<String, Object>> errors = new ArrayList<>(violations.size());
    for (Violation v : violations) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("path", v.path());
      e.put("rule", v.rule());
      errors.add(e);
    }
    return Problem.builder(400)
        .detail(
            "The request breaks "
                + violations.size()
                + (violations.size() == 1 ? " constraint" : " constraints"))
        .extension("errors", errors)
        .build();
  }
}
