package dev.lamina.samples.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.samples.batch.BatchEvents;
import dev.lamina.samples.batch.SqsOrdersHandler;
import dev.lamina.samples.greeting.GreetingHandler;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys the built packages the way Lambda does, extracting them, and runs the greeting sample
 * and the SQS batch sample from them under the real runtime client: the self-contained function
 * zip (classes at the root, jars in {@code lib/}), and the layer ({@code java/lib/*.jar},
 * extracted under {@code /opt}) with the thin function zip. Prints each package's size, and
 * checks that every entry carries the build's fixed time, which is what makes two builds of one
 * commit byte-for-byte the same ({@code scripts/check-reproducible.sh} compares the checksums).
 */
class DeploymentPackagesIT {
  private static final Path TARGET =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");

  /** A package the build wrote (see samples/pom.xml and template.yaml for the names). */
  private static Path built(String id) throws IOException {
    Path zip = TARGET.resolve("lamina-samples-" + id + ".zip");
    assertTrue(Files.isRegularFile(zip), zip + " was not built");
    System.out.printf("%s: %,d bytes%n", zip.getFileName(), Files.size(zip));
    return zip;
  }

  private static List<String> unzip(Path zip, Path into) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        names.add(e.getName());
        Path out = into.resolve(e.getName()).normalize();
        assertTrue(out.startsWith(into), "entry escapes the package: " + e.getName());
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(z, out);
        }
      }
    }
    return names;
  }

  private static List<Path> jarsIn(Path dir) throws IOException {
    try (Stream<Path> jars = Files.list(dir)) {
      return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }

  private static void greets(List<Path> classPath) {
    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler(GreetingHandler.class.getName())
            .classPath(classPath)
            .start()) {
      InvocationResult result = lambda.invoke("{\"name\":\"Ada\"}");
      assertFalse(result.isError(), result.toString());
      assertTrue(result.body().contains("\"message\":\"Hello, Ada!\""), result.body());
    }
  }

  /** The SQS sample answers a partial batch response: the rejected message, and only it. */
  private static void reportsPartialBatchFailures(List<Path> classPath) {
    String rejected = "2e1424d4-f796-459a-8184-9c92662be6da";
    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler(SqsOrdersHandler.class.getName())
            .classPath(classPath)
            .start()) {
      InvocationResult result =
          lambda.invoke(
              BatchEvents.records(
                  List.of(
                      BatchEvents.sqsMessage(
                          "059f36b4-87a3-44ab-83d2-661975830a7d",
                          BatchEvents.order("o-1", "tea", 2),
                          1),
                      BatchEvents.sqsMessage(rejected, BatchEvents.order("o-2", "tea", 0), 1))));
      assertFalse(result.isError(), result.toString());
      assertEquals(
          "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + rejected + "\"}]}", result.body());
    }
  }

  /**
   * Zip entries keep a DOS date and time with no zone; the archiver writes the UTC wall time of
   * {@code project.build.outputTimestamp}, whatever the build machine's zone, so that is what
   * every entry must read back (as a local time, the way the zip format stores it).
   */
  @Test
  void everyEntryOfEveryPackage_carriesTheFixedBuildTime() throws IOException {
    String configured = System.getProperty("lamina.outputTimestamp");
    assertTrue(
        configured != null && !configured.isBlank() && !configured.startsWith("${"),
        "project.build.outputTimestamp is not set: " + configured);
    LocalDateTime fixed = LocalDateTime.ofInstant(Instant.parse(configured), ZoneOffset.UTC);
    for (String id : List.of("function", "layer", "thin-function")) {
      List<String> wrong = new ArrayList<>();
      int entries = 0;
      try (ZipInputStream z = new ZipInputStream(Files.newInputStream(built(id)))) {
        for (ZipEntry e; (e = z.getNextEntry()) != null; entries++) {
          if (!fixed.equals(e.getTimeLocal())) {
            wrong.add(e.getName() + " at " + e.getTimeLocal());
          }
        }
      }
      assertTrue(entries > 0, id + " is empty");
      assertEquals(List.of(), wrong, id + ": entries not at " + fixed);
    }
  }

  @Test
  void functionZip_holdsClassesAtTheRootAndJarsInLib_andRuns(@TempDir Path task) throws Exception {
    List<String> entries = unzip(built("function"), task);

    assertTrue(
        entries.contains("dev/lamina/samples/greeting/GreetingHandler.class"), entries::toString);
    assertTrue(
        entries.contains("dev/lamina/samples/batch/SqsOrdersHandler.class"), entries::toString);
    for (String jar : List.of("framework-core", "framework-batch", "aws-lambda-java-events")) {
      assertTrue(
          entries.stream().anyMatch(e -> e.matches("lib/" + jar + "-[0-9].*\\.jar")),
          jar + " is missing: " + entries);
    }
    assertTrue(
        entries.stream().noneMatch(e -> e.contains("junit") || e.contains("framework-test")),
        "test-only jars must not ship: " + entries);
    List<Path> cp = new ArrayList<>();
    cp.add(task);
    cp.addAll(jarsIn(task.resolve("lib")));
    greets(cp);
    reportsPartialBatchFailures(cp);
  }

  @Test
  void layerPlusThinFunction_run(@TempDir Path root) throws Exception {
    Path opt = Files.createDirectories(root.resolve("opt"));
    Path task = Files.createDirectories(root.resolve("task"));
    List<String> layer = unzip(built("layer"), opt);
    List<String> function = unzip(built("thin-function"), task);

    assertTrue(
        layer.stream().allMatch(e -> e.equals("java/") || e.startsWith("java/lib/")),
        layer::toString);
    for (String jar : List.of("framework-core", "framework-batch", "aws-lambda-java-events")) {
      assertTrue(
          layer.stream().anyMatch(e -> e.matches("java/lib/" + jar + "-[0-9].*\\.jar")),
          jar + " is missing: " + layer);
    }
    assertEquals(List.of(), function.stream().filter(e -> e.endsWith(".jar")).toList());
    assertTrue(
        function.contains("dev/lamina/samples/batch/SqsOrdersHandler.class"), function::toString);
    List<Path> cp = new ArrayList<>();
    cp.add(task);
    cp.addAll(jarsIn(opt.resolve("java/lib")));
    greets(cp);
    reportsPartialBatchFailures(cp);
  }
}
