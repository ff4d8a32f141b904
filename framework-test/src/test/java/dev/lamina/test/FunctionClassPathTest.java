package dev.lamina.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionClassPathTest {

  @TempDir Path base;

  @Test
  void missingFile_saysWhichPomSnippetToAdd() throws Exception {
    Files.createDirectories(base.resolve("target/classes"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                FunctionClassPath.resolve(
                    base, List.of("target/classes"), "target/lamina/runtime.classpath"));
    assertTrue(
        e.getMessage()
            .contains("[" + base.resolve("target/lamina/runtime.classpath") + "] not found"),
        e.getMessage());
    assertTrue(e.getMessage().contains("<goal>build-classpath</goal>"), e.getMessage());
    assertTrue(e.getMessage().contains("<includeScope>runtime</includeScope>"), e.getMessage());
    assertTrue(e.getMessage().contains("-Dlamina.function.classpath"), e.getMessage());
  }

  @Test
  void missingClassesDirectory_isNamed() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> FunctionClassPath.resolve(base, List.of("target/classes"), "cp.txt"));
    assertTrue(
        e.getMessage().contains("[" + base.resolve("target/classes") + "] does not exist"),
        e.getMessage());
  }

  @Test
  void classesDirectoriesComeFirst_thenTheFilesEntries() throws Exception {
    Files.createDirectories(base.resolve("target/classes"));
    Files.writeString(base.resolve("cp.txt"), "/repo/a.jar" + File.pathSeparator + "/repo/b.jar\n");
    assertEquals(
        List.of(base.resolve("target/classes"), Path.of("/repo/a.jar"), Path.of("/repo/b.jar")),
        FunctionClassPath.resolve(base, List.of("target/classes"), "cp.txt"));
  }
}
