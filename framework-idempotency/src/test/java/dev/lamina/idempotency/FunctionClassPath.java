package dev.lamina.idempotency;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The function class path of the module under test, as a deployment would have it (see the pom):
 * paths relative to the module's directory, so other modules' tests use it through the test jar.
 */
public final class FunctionClassPath {
  private FunctionClassPath() {}

  /** The runtime dependencies written by maven-dependency-plugin, without this module's classes. */
  public static List<Path> dependencies() {
    try {
      List<Path> paths = new ArrayList<>();
      for (String entry : Files.readString(Path.of("target/lamina/runtime.classpath")).trim()
          .split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          paths.add(Path.of(entry));
        }
      }
      return paths;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** This module's classes and test handlers, and its runtime dependencies. */
  public static List<Path> withTestHandlers() {
    List<Path> paths = new ArrayList<>(List.of(Path.of("target/classes"),
        Path.of("target/test-classes")));
    paths.addAll(dependencies());
    return paths;
  }
}
