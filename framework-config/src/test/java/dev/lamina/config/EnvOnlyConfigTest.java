package dev.lamina.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Env-only configuration must stay cheap: in a fresh JVM whose class path holds the SDK, a
 * {@code @Config} handler with no SSM fields loads and runs without loading one SDK class.
 */
class EnvOnlyConfigTest {

  @Test
  void envOnlyConfig_loadsNoAwsSdkClass(@TempDir Path dir) throws Exception {
    Path classLog = dir.resolve("classes.log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Xshare:auto",
                "-Xlog:class+load=info:file=" + classLog,
                "-cp",
                System.getProperty("java.class.path"),
                EnvOnlyMain.class.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");

    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("RESULT \"hi 2000 3\""), output);
    List<String> loaded = Files.readAllLines(classLog);
    assertTrue(
        loaded.stream().anyMatch(l -> l.contains("dev.lamina.config.ConfigLoader ")),
        "the class-load log must show the config classes");
    List<String> sdk = loaded.stream().filter(l -> l.contains("software.amazon.awssdk")).toList();
    assertEquals(List.of(), sdk);
  }
}
