package dev.lamina.samples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing in the repository points at files a user who clones it does not have: the project's
 * working notes, which live outside it. What users need from them belongs in the repository
 * (docs/, the READMEs). The patterns are assembled from pieces so that this file does not match
 * itself.
 */
class NoPointerOutsideRepositoryTest {

  private static final List<String> OUTSIDE =
      List.of(
          ".." + "/shared",
          "/work" + "/shared",
          "DESIGN" + ".md",
          "STYLE" + ".md",
          "COMPONENTS" + ".md",
          "LAMBDA" + "-NOTES",
          "PERFORMANCE" + "-NOTES");

  @Test
  void noFileOfTheRepositoryPointsOutsideIt() throws IOException {
    Path root = RepositoryFiles.root();
    List<Path> files = RepositoryFiles.list(root);
    assertTrue(
        files.contains(Path.of("README.md")) && files.size() > 100,
        "the repository's files were not found under [" + root + "]: " + files.size());

    List<String> found = pointersOutside(root, files);

    assertEquals(
        List.of(),
        found,
        "these lines point outside the repository; move what they"
            + " refer to into it (docs/performance.md, a README) and point there instead");
  }

  @Test
  void findsAPointerAndSkipsBuildOutput(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("module/target"));
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(
        root.resolve("module/pom.xml"),
        "<!-- fine -->\n<!-- slow to start (see " + "PERFORMANCE" + "-NOTES.md) -->\n");
    Files.writeString(root.resolve("module/target/copy.md"), "see .." + "/shared/x\n");
    Files.writeString(root.resolve("docs/config.md"), "@Parameter(\"/shared/greeter/names\")\n");

    List<String> found = pointersOutside(root, RepositoryFiles.list(root));

    assertEquals(List.of("module/pom.xml:2: " + "PERFORMANCE" + "-NOTES"), found);
  }

  private static List<String> pointersOutside(Path root, List<Path> files) throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      // Latin-1 reads any byte, so a binary file cannot fail the scan; the patterns are ASCII.
      String[] lines =
          new String(Files.readAllBytes(root.resolve(file)), StandardCharsets.ISO_8859_1)
              .split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        for (String pattern : OUTSIDE) {
          if (lines[i].contains(pattern)) {
            found.add(file.toString().replace('\\', '/') + ":" + (i + 1) + ": " + pattern);
          }
        }
      }
    }
    return found;
  }
}
