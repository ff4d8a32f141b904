package dev.lamina.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The classes each Lamina sample may load before its first response: a committed baseline, and
 * the check that fails a build when a sample loads more than {@value #TOLERANCE_PERCENT} % more.
 * Class counts, unlike times, are the same from run to run on one JDK, so a small tolerance
 * catches a new dependency or a feature that loads more than it should on the cold path.
 *
 * <p>The file has one {@code classes<TAB>variant} line per sample; {@code #} starts a comment.
 * The harness writes the counts it measured in the same form to {@code
 * target/class-counts.tsv}: after a change that is meant to load more, copy it over the
 * baseline and say why in the commit.
 */
final class ClassBudget {
  static final int TOLERANCE_PERCENT = 5;

  private ClassBudget() {}

  /** Reads a baseline file. */
  static Map<String, Integer> read(Path file) throws IOException {
    Map<String, Integer> budget = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int tab = t.indexOf('\t');
      if (tab < 0) {
        throw new IllegalArgumentException(
            "[" + file + "] line [" + t + "] is not <classes><TAB><variant>");
      }
      budget.put(t.substring(tab + 1).strip(), Integer.parseInt(t.substring(0, tab).strip()));
    }
    return budget;
  }

  /** The measured counts in the baseline's form. */
  static String format(Map<String, Integer> measured, String header) {
    StringBuilder b = new StringBuilder();
    for (String line : header.split("\n")) {
      b.append("# ").append(line).append('\n');
    }
    measured.forEach((name, classes) -> b.append(classes).append('\t').append(name).append('\n'));
    return b.toString();
  }

  /** The most classes a variant with this baseline may load. */
  static int limit(int baseline) {
    return baseline + baseline * TOLERANCE_PERCENT / 100;
  }

  /**
   * Compares measured counts with the baseline.
   *
   * @return a Markdown section with one row per measured sample
   * @throws ClassBudgetExceededException naming every sample over its limit or without a
   *     baseline, after the section is built (its message holds the section)
   */
  static String check(Map<String, Integer> baseline, Map<String, Integer> measured) {
    StringBuilder section =
        new StringBuilder(
            "\nClass budget (baseline + "
                + TOLERANCE_PERCENT
                + " %):\n\n| sample | classes | baseline | limit | |\n| --- | --- | --- | --- | --- |\n");
    List<String> over = new ArrayList<>();
    for (Map.Entry<String, Integer> e : measured.entrySet()) {
      Integer base = baseline.get(e.getKey());
      String verdict;
      if (base == null) {
        verdict = "no baseline";
        over.add("[" + e.getKey() + "] has no baseline");
      } else if (e.getValue() > limit(base)) {
        verdict = "OVER";
        over.add(
            String.format(
                Locale.ROOT,
                "[%s] loads %d classes, over its limit of %d (baseline %d + %d %%)",
                e.getKey(),
                e.getValue(),
                limit(base),
                base,
                TOLERANCE_PERCENT));
      } else {
        verdict = "ok";
      }
      section.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s | %s |%n",
              e.getKey(),
              e.getValue(),
              base == null ? "-" : base.toString(),
              base == null ? "-" : Integer.toString(limit(base)),
              verdict));
    }
    if (!over.isEmpty()) {
      throw new ClassBudgetExceededException(
          String.join("; ", over)
              + ". If the change is meant to load more, copy benchmarks/target/class-counts.tsv"
              + " over the baseline and say why in the commit.\n"
              + section);
    }
    return section.toString();
  }

  /** A sample loads more classes than its budget allows, or has none. */
  static final class ClassBudgetExceededException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ClassBudgetExceededException(String message) {
      super(message);
    }
  }
}
