package dev.lamina.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Record ids are the same in every execution environment: two fresh JVMs, standing in for two
 * environments of one function, write the same ids for a named handler and for a lambda with a
 * namespace, and refuse a lambda without one (its class name is made up at run time).
 */
class StableNamespaceTest {

  @Test
  void twoFreshJvms_writeTheSameRecordIds_andALambdaNeedsANamespace() throws Exception {
    List<String> first = runProbe();
    List<String> second = runProbe();

    assertEquals(line(first, "named "), line(second, "named "));
    assertTrue(
        line(first, "named ")
            .startsWith(
                "named payments." + StableNamespaceProbe.NamedHandler.class.getName() + "#"),
        line(first, "named "));
    assertEquals(line(first, "lambda "), line(second, "lambda "));
    assertTrue(line(first, "lambda ").startsWith("lambda payments#"), line(first, "lambda "));
    String refused = line(first, "no namespace");
    assertTrue(refused.contains("needs an explicit namespace"), refused);
    assertTrue(
        refused.contains(line(first, "lambda class ").substring("lambda class ".length())),
        "names the generated class: " + refused);
  }

  private static String line(List<String> out, String prefix) {
    return out.stream()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no [" + prefix + "] line in " + out));
  }

  private static List<String> runProbe() throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StableNamespaceProbe.class.getName())
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
    String text = new String(output, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), text);
    return text.lines().toList();
  }
}
