package dev.lamina.idempotency.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.test.ClassLoadProbe;
import java.util.List;
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

  private static List<String> runProbe(String keyPath) throws Exception {
    return ClassLoadProbe.run(KeyPathLoadingProbe.class, keyPath);
  }
}
