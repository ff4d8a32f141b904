package dev.lamina.test.cds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.TestHandlers;
import dev.lamina.test.handlers.EchoHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trained archive is used by a function started with the same JVM and class path, and a
 * mismatched one (another class path, another JVM) is ignored: the function starts and answers
 * as it would without it.
 */
class CdsArchiveTest {
  @TempDir static Path dir;
  static CdsArchive.Trained trained;

  /** The test handlers as a jar, then their dependencies: the layout of a function's lib/. */
  static List<Path> jars;

  @BeforeAll
  static void train() throws Exception {
    jars = new ArrayList<>();
    jars.add(jar(TestHandlers.classPath().get(0), dir.resolve("lib/handlers.jar")));
    jars.addAll(TestHandlers.classPath().subList(1, TestHandlers.classPath().size()));
    trained =
        CdsArchive.builder()
            .handler(TestHandlers.handler(EchoHandler.class))
            .classPath(jars)
            .events(List.of("{\"n\":1}", "{\"n\":2}"))
            .archive(dir.resolve("echo.jsa"))
            .train();
  }

  private static Path jar(Path classes, Path jar) throws Exception {
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void theCommand_trainsFromALibDirectory_andTheWrittenClassPathUsesTheArchive() throws Exception {
    Path lib = Files.createDirectories(dir.resolve("task/lib"));
    for (Path jar : jars) {
      Files.copy(jar, lib.resolve(jar.getFileName()));
    }
    for (Path jar : dev.lamina.test.internal.RuntimeClientClassPath.locate()) {
      Files.copy(
          jar, lib.resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Path events = Files.createDirectories(dir.resolve("events"));
    Files.writeString(events.resolve("1.json"), "{\"a\":1}");
    Path archive = dir.resolve("task/app.jsa");

    TrainCds.main(
        new String[] {
          "--handler=" + TestHandlers.handler(EchoHandler.class),
          "--lib=" + lib,
          "--events=" + events,
          "--archive=" + archive,
          "--env=GREETING=hi"
        });

    String classPath = Files.readString(dir.resolve("task/classpath")).strip();
    assertEquals(
        "-XX:SharedArchiveFile=" + archive + " -Xshare:auto",
        Files.readString(dir.resolve("task/java-tool-options")).strip());
    List<Path> entries = new ArrayList<>();
    for (String e : classPath.split(":")) {
      entries.add(Path.of(e));
    }
    assertEquals(TrainCds.jars(lib), entries);
    Path log = dir.resolve("command.log");
    List<String> flags = new ArrayList<>(LocalLambda.Builder.lambdaLikeFlags(512));
    flags.add("-Xlog:class+load=info:file=" + log);
    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler(TestHandlers.handler(EchoHandler.class))
            .classPath(entries)
            .environment("JAVA_TOOL_OPTIONS", "-XX:SharedArchiveFile=" + archive + " -Xshare:auto")
            .jvmFlags(flags)
            .start()) {
      assertEquals("{\"b\":2}", lambda.invoke("{\"b\":2}").body());
    }
    assertTrue(fromTheArchive(Files.readAllLines(log)) > 50, "the archive was used");
  }

  @Test
  void aDirectoryOnTheClassPath_isRefused_namingIt() {
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class,
            () ->
                CdsArchive.builder()
                    .handler(TestHandlers.handler(EchoHandler.class))
                    .classPath(TestHandlers.classPath())
                    .events(List.of("{}"))
                    .archive(dir.resolve("never.jsa"))
                    .train());
    assertTrue(e.getMessage().contains("takes classes from jars only"), e.getMessage());
  }

  /** Starts the echo function with the archive, logging where each class came from. */
  private static List<String> startWithArchive(List<Path> classPath, Path javaHome, Path log)
      throws Exception {
    List<String> flags = new ArrayList<>(LocalLambda.Builder.lambdaLikeFlags(512));
    flags.add("-Xlog:class+load=info:file=" + log);
    LocalLambda.Builder b =
        LocalLambda.builder()
            .handler(TestHandlers.handler(EchoHandler.class))
            .classPath(classPath)
            .environment("JAVA_TOOL_OPTIONS", trained.javaToolOptions())
            .jvmFlags(flags);
    if (javaHome != null) {
      b.javaHome(javaHome);
    }
    try (LocalLambda lambda = b.start()) {
      InvocationResult r = lambda.invoke("{\"n\":3}");
      assertFalse(r.isError(), r.toString());
      assertEquals("{\"n\":3}", r.body());
    }
    return Files.readAllLines(log);
  }

  private static long fromTheArchive(List<String> classLog) {
    return classLog.stream().filter(l -> l.contains("shared objects file (top)")).count();
  }

  @Test
  void training_answersItsEvents_andWritesTheArchive_andTheOptionsLine() {
    assertEquals(2, trained.responses().size());
    assertEquals("{\"n\":2}", trained.responses().get(1).body());
    assertTrue(trained.bytes() > 100_000, "archive of " + trained.bytes() + " bytes");
    assertEquals(
        "-XX:SharedArchiveFile=" + dir.resolve("echo.jsa") + " -Xshare:auto",
        trained.javaToolOptions());
  }

  @Test
  void theSameJvmAndClassPath_loadTheFunctionsClassesFromTheArchive() throws Exception {
    List<String> log = startWithArchive(jars, null, dir.resolve("same.log"));
    assertTrue(
        fromTheArchive(log) > 50,
        "classes from the dynamic archive: " + fromTheArchive(log) + " of " + log.size());
    assertTrue(
        log.stream().anyMatch(l -> l.contains(EchoHandler.class.getName() + " source: shared")),
        "the handler itself comes from the archive");
  }

  @Test
  void anotherClassPath_ignoresTheArchive_andStartsNormally() throws Exception {
    Path extra = Files.createDirectories(dir.resolve("extra-classes"));
    List<Path> other = new ArrayList<>();
    other.add(extra);
    other.addAll(jars);
    List<String> log = startWithArchive(other, null, dir.resolve("other-path.log"));
    assertEquals(0, fromTheArchive(log), "a mismatched archive is not used");
  }

  @Test
  void anotherJvm_ignoresTheArchive_andStartsNormally() throws Exception {
    Path other = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    assumeTrue(
        Files.isExecutable(other.resolve("bin/java")),
        "a second JDK at " + other + " (the machine image has one; skip where it does not)");
    List<String> log = startWithArchive(jars, other, dir.resolve("jvm.log"));
    assertEquals(0, fromTheArchive(log), "an archive of another JVM is not used");
  }
}
