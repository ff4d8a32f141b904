package dev.lamina.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@LocalLambdaTest(
    handler = "dev.lamina.test.handlers.EchoHandler::handleRequest",
    classesDirectories = "target/test-classes")
class LocalLambdaExtensionTest {

  private static final AtomicReference<LocalLambda> FIRST_SEEN = new AtomicReference<>();

  private final LocalLambda fromConstructor;

  LocalLambdaExtensionTest(LocalLambda lambda) {
    this.fromConstructor = lambda;
  }

  @Test
  void twoInvocations_areAnswered(LocalLambda lambda) {
    assertEquals("{\"n\":1}", lambda.invoke("{\"n\":1}").body());
    assertEquals("{\"n\":2}", lambda.invoke("{\"n\":2}").body());
  }

  @Test
  void perClass_constructorAndMethods_shareOneInstance(LocalLambda lambda) {
    assertSame(fromConstructor, lambda);
    FIRST_SEEN.compareAndSet(null, lambda);
    assertSame(FIRST_SEEN.get(), lambda);
    assertTrue(lambda.isAlive());
  }

  @Test
  void perClass_isSharedAcrossMethods(LocalLambda lambda) {
    FIRST_SEEN.compareAndSet(null, lambda);
    assertSame(FIRST_SEEN.get(), lambda);
  }

  @Test
  @LocalLambdaTest(
      handler = "dev.lamina.test.handlers.EnvHandler::handleRequest",
      classesDirectories = "target/test-classes",
      environment = {"GREETING=Hello", "EMPTY="})
  void methodAnnotation_startsItsOwnLambda_withItsEnvironment(LocalLambda lambda) {
    assertNotSame(fromConstructor, lambda);
    String env = lambda.invoke("{}").body();
    assertTrue(env.contains("\nGREETING=Hello\n"), env);
    assertTrue(env.contains("\nEMPTY=\n"), env);
    assertFalse(env.contains("LAMINA_PARENT_ONLY_MARKER"), env);
  }
}
