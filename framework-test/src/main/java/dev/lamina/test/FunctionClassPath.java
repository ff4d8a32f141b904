package dev.lamina.test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The class path a function runs with, as its build knows it: the module's classes directories,
 * then the runtime dependencies that {@code maven-dependency-plugin} wrote to a file (see
 * {@link #POM_SNIPPET}). This is what a deployment package would hold, without JUnit or any other
 * test dependency, so a {@link LocalLambda} started with it sees what Lambda would see.
 *
 * <pre>{@code
 * LocalLambda lambda = LocalLambda.builder()
 *     .handler("com.example.Greeter::handleRequest")
 *     .classPath(FunctionClassPath.ofModule())   // target/classes + the runtime dependencies
 *     .start();
 * }</pre>
 *
 * <p>Relative paths are resolved against the module directory: {@code basedir} as Surefire and
 * Failsafe set it, else the working directory.
 */
public final class FunctionClassPath {

  /** Where the pom snippet writes the runtime class path, relative to the module directory. */
  public static final String DEFAULT_FILE = "target/lamina/runtime.classpath";

  /** The pom snippet that writes {@link #DEFAULT_FILE}; quoted in error messages and the README. */
  public static final String POM_SNIPPET =
      String.join(
          "\n",
          "<plugin>",
          "  <groupId>org.apache.maven.plugins</groupId>",
          "  <artifactId>maven-dependency-plugin</artifactId>",
          "  <executions>",
          "    <execution>",
          "      <id>lamina-runtime-classpath</id>",
          "      <phase>generate-test-resources</phase>",
          "      <goals><goal>build-classpath</goal></goals>",
          "      <configuration>",
          "        <includeScope>runtime</includeScope>",
          "        <outputFile>${project.build.directory}/lamina/runtime.classpath</outputFile>",
          "      </configuration>",
          "    </execution>",
          "  </executions>",
          "</plugin>");

  private FunctionClassPath() {}

  /** The module under test: the {@code basedir} system property, else the working directory. */
  public static Path moduleDirectory() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  }

  /** {@code target/classes} of the module under test, then its runtime dependencies. */
  public static List<Path> ofModule() {
    return of(moduleDirectory(), "target/classes");
  }

  /**
   * {@code target/classes} and {@code target/test-classes} of the module under test, then its
   * runtime dependencies: for handlers written under {@code src/test}.
   */
  public static List<Path> withTestClasses() {
    return of(moduleDirectory(), "target/classes", "target/test-classes");
  }

  /** The runtime dependencies of the module under test, without its own classes. */
  public static List<Path> dependencies() {
    return resolve(moduleDirectory(), List.of(), DEFAULT_FILE);
  }

  /**
   * The jar {@code mvn package} built for {@code module} (in its {@code target}, not a sources,
   * javadoc or tests jar), then its runtime dependencies: a class path of jars only, as a
   * class-data-sharing archive needs.
   *
   * @param module the module's directory
   * @return the class path
   * @throws IllegalStateException if the module has no built jar
   */
  public static List<Path> withModuleJar(Path module) {
    List<Path> path = new ArrayList<>();
    path.add(moduleJar(module));
    path.addAll(resolve(module, List.of(), DEFAULT_FILE));
    return path;
  }

  /**
   * The jar {@code mvn package} built for {@code module}.
   *
   * @param module the module's directory
   * @return the jar in its {@code target}, not a sources, javadoc or tests jar
   * @throws IllegalStateException if there is none
   */
  public static Path moduleJar(Path module) {
    Path target = module.resolve("target");
    try (java.util.stream.Stream<Path> files = Files.list(target)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        String n = f.getFileName().toString();
        if (n.endsWith(".jar")
            && !n.endsWith("-sources.jar")
            && !n.endsWith("-javadoc.jar")
            && !n.endsWith("-tests.jar")) {
          return f;
        }
      }
    } catch (IOException e) {
      // reported below
    }
    throw new IllegalStateException(
        "No built jar in [" + target + "]: run mvn package (or install) for that module first");
  }

  /** The given classes directories of {@code module}, then its runtime dependencies. */
  public static List<Path> of(Path module, String... classesDirectories) {
    return resolve(module, Arrays.asList(classesDirectories), DEFAULT_FILE);
  }

  /**
   * The classes directories, then the file's entries, each resolved against {@code base}.
   *
   * @param base the module directory
   * @param classesDirectories directories of compiled classes, relative to {@code base}
   * @param classPathFile the file {@code maven-dependency-plugin} wrote, relative to {@code base}
   * @return the class path, classes directories first
   * @throws IllegalStateException if a directory or the file is missing, saying how to fix it
   */
  public static List<Path> resolve(
      Path base, List<String> classesDirectories, String classPathFile) {
    List<Path> result = new ArrayList<>();
    for (String dir : classesDirectories) {
      Path p = base.resolve(dir);
      if (!Files.isDirectory(p)) {
        throw new IllegalStateException(
            "["
                + p
                + "] does not exist: name the directories holding"
                + " the function's compiled classes (\"target/classes\"; \"target/test-classes\" for"
                + " handlers under src/test), and build them first");
      }
      result.add(p);
    }
    Path file = base.resolve(classPathFile);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "["
              + file
              + "] not found: the function's runtime class path"
              + " is written by the build. Add to your pom's <build><plugins>:\n"
              + POM_SNIPPET
              + "\nor point @LocalLambdaTest(classPathFile) or -Dlamina.function.classpath at an"
              + " existing file.");
    }
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8).trim();
      for (String entry : content.split(File.pathSeparator)) {
        String e = entry.trim();
        if (!e.isEmpty()) {
          result.add(base.resolve(e));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("[" + file + "] could not be read", e);
    }
    return result;
  }
}
