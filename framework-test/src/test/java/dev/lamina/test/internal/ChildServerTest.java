package dev.lamina.test.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.test.dynamodb.DynamoDbLocal;
import dev.lamina.test.dynamodb.DynamoDbLocalException;
import dev.lamina.test.sqs.ElasticMq;
import dev.lamina.test.sqs.ElasticMqException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the test kit's local servers find their class path, start, and say why they did not. */
class ChildServerTest {
  private static final ChildServer.Failure FAILURE = IllegalStateException::new;

  @Test
  void classPathFile_isRead_inThePlatformsSyntax(@TempDir Path dir) throws Exception {
    Path a = Files.createFile(dir.resolve("a.jar"));
    Path b = Files.createFile(dir.resolve("b.jar"));
    Path file = Files.writeString(dir.resolve("cp"), a + File.pathSeparator + b + "\n");

    assertEquals(List.of(a, b), ChildServer.classPath("X", null, file, "unused", "g:a", FAILURE));
  }

  @Test
  void missingFile_andMissingEntries_areNamed_withHowToFixThem(@TempDir Path dir) throws Exception {
    Path absent = dir.resolve("nothing-here");
    DynamoDbLocalException noFile =
        assertThrows(
            DynamoDbLocalException.class,
            () -> DynamoDbLocal.builder().classPathFile(absent).start());
    assertTrue(noFile.getMessage().contains("[" + absent + "] does not exist"), noFile::getMessage);
    assertTrue(noFile.getMessage().contains("mvn verify"), noFile::getMessage);

    Path file = Files.writeString(dir.resolve("cp"), absent.toString());
    ElasticMqException noEntry =
        assertThrows(
            ElasticMqException.class, () -> ElasticMq.builder().classPathFile(file).start());
    assertTrue(
        noEntry.getMessage().contains("missing entries [" + absent + "]"), noEntry::getMessage);
  }

  @Test
  void noClassPathAtAll_namesTheSystemProperty_andTheArtifact() {
    String property = "lamina.test.child-server.unset";
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ChildServer.classPath("X", null, null, property, "g:artifact", FAILURE));
    assertTrue(e.getMessage().contains("[" + property + "]"), e::getMessage);
    assertTrue(e.getMessage().contains("g:artifact"), e::getMessage);
  }

  @Test
  void aChildThatExits_failsAtOnce_withItsExitCodeAndLastOutput(@TempDir Path dir) {
    // A real JVM asked to run a class that is not there: it prints why and exits with 1.
    ChildServer child =
        ChildServer.launch(
            "X",
            Path.of(System.getProperty("java.home")),
            List.of(),
            List.of(),
            List.of(dir),
            "no.such.Main",
            List.of(),
            Map.of(),
            ChildServer.workDirectory("lamina-child-test-"),
            FAILURE);

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                child.awaitReady(
                    1, port -> false, "answering", Duration.ofSeconds(30), 10, FAILURE));
    assertTrue(e.getMessage().startsWith("X exited with 1 before answering"), e::getMessage);
    assertTrue(e.getMessage().contains("no.such.Main"), e::getMessage);
    assertFalse(child.isAlive());
  }

  @Test
  void onFreePort_retriesOnlyTheProductsFailure_threeTimes() {
    AtomicInteger tries = new AtomicInteger();
    assertThrows(
        IllegalStateException.class,
        () ->
            ChildServer.onFreePort(
                port -> {
                  tries.incrementAndGet();
                  throw new IllegalStateException("port taken");
                },
                IllegalStateException.class));
    assertEquals(3, tries.get());

    tries.set(0);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ChildServer.onFreePort(
                port -> {
                  tries.incrementAndGet();
                  throw new IllegalArgumentException("a bad setting");
                },
                IllegalStateException.class));
    assertEquals(1, tries.get(), "other failures are not retried");
  }
}
