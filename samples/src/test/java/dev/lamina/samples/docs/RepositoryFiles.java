package dev.lamina.samples.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The repository's files, for tests about the repository itself. */
final class RepositoryFiles {

  private RepositoryFiles() {}

  /** The repository root: the parent of the samples module, where the tests run. */
  static Path root() {
    Path samples = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    Path root = samples.getParent();
    if (root == null
        || !Files.isRegularFile(root.resolve("pom.xml"))
        || !Files.isDirectory(root.resolve("samples"))) {
      throw new IllegalStateException(
          "["
              + samples
              + "] is not the samples module of a Lamina"
              + " checkout: run the test with Maven from the repository");
    }
    return root;
  }

  /**
   * Every file of the repository under {@code root}, relative to it: what git tracks plus new
   * files it does not ignore, or, without git, every file outside {@code target} and
   * {@code .git} directories.
   */
  static List<Path> list(Path root) throws IOException {
    List<Path> fromGit = gitFiles(root);
    return fromGit != null ? fromGit : walk(root);
  }

  private static List<Path> gitFiles(Path root) {
    if (!Files.exists(root.resolve(".git"))) {
      return null;
    }
    try {
      Process git =
          new ProcessBuilder(
                  "git",
                  "-C",
                  root.toString(),
                  "ls-files",
                  "-z",
                  "--cached",
                  "--others",
                  "--exclude-standard")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      byte[] out = git.getInputStream().readAllBytes();
      if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
        return null;
      }
      List<Path> files = new ArrayList<>();
      for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
        Path file = Path.of(name);
        if (!name.isEmpty() && !underTarget(file) && Files.isRegularFile(root.resolve(file))) {
          files.add(file);
        }
      }
      return files;
    } catch (IOException e) {
      return null; // no git on this machine: walk the tree instead
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static List<Path> walk(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile)
          .map(root::relativize)
          .filter(p -> !underTarget(p))
          .filter(p -> !p.startsWith(".git"))
          .sorted()
          .toList();
    }
  }

  private static boolean underTarget(Path relative) {
    for (Path part : relative) {
      if (part.toString().equals("target")) {
        return true;
      }
    }
    return false;
  }
}
