package dev.lamina.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * framework-test is for any Java function, so it must not need Lamina: no compiled class of it may
 * name a type (or a class name string) of Lamina's framework modules, and none of those modules
 * may be on its class path in any scope (a dependency in the pom, even test-scoped, would put it
 * there). The Lamina-specific kit is framework-testkit.
 */
class LaminaFreeTest {
  /** Lamina's framework packages, as class files (slashes) and as strings (dots) name them. */
  private static final List<String> LAMINA =
      List.of("core", "config", "idempotency", "batch", "logging", "testkit");

  @Test
  void noCompiledClass_namesALaminaModule() throws IOException {
    Path classes = FunctionClassPath.moduleDirectory().resolve("target/classes");
    List<String> offending = new ArrayList<>();
    int read = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      Iterable<Path> classFiles = files.filter(f -> f.toString().endsWith(".class"))::iterator;
      for (Path file : classFiles) {
        read++;
        // A class file keeps every class it refers to, and every string constant, as UTF-8 in
        // its constant pool: a plain byte search finds both.
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String module : LAMINA) {
          if (content.contains("dev/lamina/" + module + "/")
              || content.contains("dev.lamina." + module + ".")) {
            offending.add(classes.relativize(file) + " -> dev.lamina." + module);
          }
        }
      }
    }
    assertFalse(read < 50, "read the compiled classes of framework-test: " + read + " files");
    assertEquals(List.of(), offending, "framework-test must stay free of Lamina");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dev.lamina.core.LambdaHandler",
        "dev.lamina.config.Config",
        "dev.lamina.idempotency.Idempotent",
        "dev.lamina.batch.BatchHandler",
        "dev.lamina.logging.JsonLogProvider",
        "dev.lamina.testkit.ManualScheduler"
      })
  void noLaminaModule_isOnTheClassPath(String laminaClass) {
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName(laminaClass, false, getClass().getClassLoader()),
        "framework-test's pom must not depend on the module of " + laminaClass);
  }
}
