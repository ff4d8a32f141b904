package dev.lamina.samples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README examples that say they are a sample stay that sample: every line of the example,
 * without its comments and indentation, appears in the sample's source, in the same order. Lines
 * of {@code ...} stand for code the example leaves out.
 */
class ReadmeExamplesTest {
  private static final String SAMPLES = "samples/src/main/java/dev/lamina/samples/";

  @Test
  void theRootReadmeShowsTheGreetingSample() throws IOException {
    Path root = RepositoryFiles.root();
    String example = javaBlock(root.resolve("README.md"), "class GreetingHandler");
    String source =
        Files.readString(root.resolve(SAMPLES + "greeting/GreetingHandler.java"))
            + Files.readString(root.resolve(SAMPLES + "greeting/GreetingRequest.java"))
            + Files.readString(root.resolve(SAMPLES + "greeting/Greeting.java"));

    assertFollows(example, source, "README.md");
  }

  @Test
  void theIdempotencyReadmeShowsThePaymentsSample() throws IOException {
    Path root = RepositoryFiles.root();
    String example =
        javaBlock(root.resolve("framework-idempotency/README.md"), "class TakePaymentHandler");
    String source = Files.readString(root.resolve(SAMPLES + "payments/TakePaymentHandler.java"));

    assertFollows(example, source, "framework-idempotency/README.md");
  }

  @Test
  void aChangedLineIsReported() {
    String source = "@TimeGuard(safetyMarginMillis = 500, watchdogMillis = 200)\nclass A {\n}\n";

    assertFollows(
        "@TimeGuard(safetyMarginMillis = 500, watchdogMillis = 200) // why\n"
            + "class A {\n  ...\n}\n",
        source,
        "doc");
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                assertFollows(
                    "@TimeGuard(safetyMarginMillis = 500)\nclass A {\n}\n", source, "doc"));
    assertEquals(
        "line 1 of the example in [doc] is not in the sample's source (after the line"
            + " before it): [@TimeGuard(safetyMarginMillis = 500)]",
        e.getMessage());
  }

  /** The first java code block of {@code readme} that contains {@code marker}. */
  private static String javaBlock(Path readme, String marker) throws IOException {
    String text = Files.readString(readme);
    int from = 0;
    while (true) {
      int start = text.indexOf("```java\n", from);
      if (start < 0) {
        fail("[" + readme + "] has no java block containing [" + marker + "]");
      }
      int end = text.indexOf("```", start + 8);
      String block = text.substring(start + 8, end);
      if (block.contains(marker)) {
        return block;
      }
      from = end + 3;
    }
  }

  private static void assertFollows(String example, String source, String where) {
    List<String> sourceLines = new ArrayList<>();
    for (String line : source.split("\n")) {
      sourceLines.add(code(line));
    }
    int at = 0;
    String[] lines = example.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = code(lines[i]);
      if (line.isEmpty() || line.equals("...")) {
        continue;
      }
      int found = sourceLines.subList(at, sourceLines.size()).indexOf(line);
      if (found < 0) {
        throw new AssertionError(
            "line "
                + (i + 1)
                + " of the example in ["
                + where
                + "] is not"
                + " in the sample's source (after the line before it): ["
                + line
                + "]");
      }
      at += found + 1;
    }
  }

  /** A line without its {@code //} comment (outside strings), indentation and runs of spaces. */
  private static String code(String line) {
    int end = line.length();
    boolean inString = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inString && c == '\\') {
        i++; // the escaped character
      } else if (c == '"') {
        inString = !inString;
      } else if (!inString && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
        end = i;
        break;
      }
    }
    return line.substring(0, end).trim().replaceAll("\\s+", " ");
  }
}
