package dev.lamina.idempotency.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The point of {@link StreamedPath}, checked in a fresh JVM with class-load logging: a key at a
 * path to a text (the orders sample's {@code /orderId}) is found, claimed and replayed without
 * creating an {@code ObjectMapper}; a key that is an object still needs the tree, and gets it.
 */
class KeyPathLoadingTest {
  private static final String OBJECT_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper ";

  @Test
  void textKeyAtAPath_isClaimedAndReplayed_withoutDatabind() throws Exception {
    List<String> out = runProbe("/orderId");

    assertTrue(out.contains("first {\"orderId\":\"o-1\",\"run\":1}"), String.join("\n", out));
    assertTrue(out.contains("retry {\"orderId\":\"o-1\",\"run\":1}"), "the retry is replayed");
    assertTrue(out.contains("runs 1"));
    List<String> databind = out.stream().filter(l -> l.contains("jackson.databind.")).toList();
    assertTrue(
        databind.stream().noneMatch(l -> l.contains(OBJECT_MAPPER)),
        "no ObjectMapper; databind classes loaded: " + databind);
  }

  @Test
  void objectKeyAtAPath_isReadFromTheTree() throws Exception {
    List<String> out = runProbe("/line");

    assertTrue(out.contains("retry {\"orderId\":\"o-1\",\"run\":1}"), String.join("\n", out));
    assertTrue(out.contains("runs 1"));
    assertTrue(
        out.stream().anyMatch(l -> l.contains(OBJECT_MAPPER)),
        "the probe sees databind when the tree is built");
  }

  private static List<String> runProbe(String keyPath) throws IOException, InterruptedException {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xshare:off",
            "-Xlog:class+load=info:stdout",
            "-cp",
            System.getProperty("java.class.path"),
            KeyPathLoadingProbe.class.getName(),
            keyPath);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
    assertEquals(0, process.exitValue(), new String(output, StandardCharsets.UTF_8));
    return new String(output, StandardCharsets.UTF_8).lines().toList();
  }
}
