package dev.lamina.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@LocalLambdaTest(
    handler = "dev.lamina.test.handlers.EchoHandler::handleRequest",
    classesDirectories = "target/test-classes",
    lifecycle = LocalLambdaTest.Lifecycle.PER_METHOD,
    classLoadLog = true)
class PerMethodLifecycleTest {

  private static final List<LocalLambda> SEEN = new CopyOnWriteArrayList<>();

  @AfterAll
  static void eachMethodHadItsOwn_andEachWasClosed() {
    assertEquals(2, SEEN.stream().distinct().count());
    SEEN.forEach(l -> assertFalse(l.isAlive(), l + " still running after its test"));
  }

  @Test
  void first(LocalLambda lambda) {
    SEEN.add(lambda);
    assertEquals("1", lambda.invoke("1").body());
    assertTrue(lambda.timings().classesLoadedAtFirstResponse() > 0);
  }

  @Test
  void second(LocalLambda lambda) {
    SEEN.add(lambda);
    assertEquals("2", lambda.invoke("2").body());
  }
}
