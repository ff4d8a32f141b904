package dev.lamina.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.test.handlers.EchoHandler;
import dev.lamina.test.handlers.EnvHandler;
import dev.lamina.test.handlers.FailingConstructorHandler;
import dev.lamina.test.handlers.SleepingHandler;
import dev.lamina.test.handlers.ThrowingHandler;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** LocalLambda against the real runtime interface client, built directly (no extension). */
class LocalLambdaRuntimeTest {

  private static LocalLambda.Builder lambda(Class<?> handler) {
    return LocalLambda.builder()
        .handler(TestHandlers.handler(handler))
        .classPath(TestHandlers.classPath());
  }

  @Test
  void throwingHandler_yieldsAnErrorResult_andTheProcessKeepsServing() {
    try (LocalLambda lambda = lambda(ThrowingHandler.class).start()) {
      InvocationResult failed = lambda.invoke("{\"fail\":true}");
      assertTrue(failed.isError());
      assertEquals("java.lang.IllegalStateException", failed.errorType());
      assertEquals("asked to fail", failed.errorMessage());
      assertFalse(failed.stackTrace().isEmpty());
      assertTrue(
          failed.stackTrace().get(0).startsWith(ThrowingHandler.class.getName()),
          failed.stackTrace().get(0));

      InvocationResult next = lambda.invoke("{\"ok\":true}");
      assertFalse(next.isError(), next::toString);
      assertEquals("{\"ok\":true}", next.body());
      assertTrue(lambda.isAlive());
    }
  }

  @Test
  void throwingConstructor_yieldsAnInitError_andTheProcessExits() {
    try (LocalLambda lambda = lambda(FailingConstructorHandler.class).start()) {
      InitError error = lambda.awaitInitError(Duration.ofSeconds(20));
      assertEquals("java.lang.IllegalStateException", error.errorType());
      assertEquals("no config for you", error.errorMessage());
      assertEquals(1, error.exitCode().orElseThrow());
      assertFalse(lambda.isAlive());
      assertEquals(1, lambda.exitCode().orElseThrow());

      LocalLambdaDiedException e =
          assertThrows(LocalLambdaDiedException.class, () -> lambda.invoke("{}"));
      assertTrue(
          e.getMessage()
              .contains("failed its init (java.lang.IllegalStateException: no config for you)"),
          e.getMessage());
    }
  }

  @Test
  void threeLocalLambdas_runAtOnce() throws Exception {
    List<LocalLambda> lambdas =
        IntStream.range(0, 3)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> lambda(EchoHandler.class).functionName("echo-" + i).start()))
            .collect(Collectors.toList())
            .stream()
            .map(CompletableFuture::join)
            .collect(Collectors.toList());
    try {
      List<CompletableFuture<InvocationResult>> results =
          IntStream.range(0, 3)
              .mapToObj(i -> lambdas.get(i).invokeAsync("{\"lambda\":" + i + "}"))
              .collect(Collectors.toList());
      for (int i = 0; i < 3; i++) {
        InvocationResult r = results.get(i).get(30, TimeUnit.SECONDS);
        assertFalse(r.isError(), r::toString);
        assertEquals("{\"lambda\":" + i + "}", r.body());
        assertEquals(
            "{\"again\":" + i + "}", lambdas.get(i).invoke("{\"again\":" + i + "}").body());
      }
    } finally {
      lambdas.forEach(LocalLambda::close);
    }
  }

  @Test
  void kill_midInvocation_failsThePendingInvoke_withTheReason() throws Exception {
    try (LocalLambda lambda = lambda(SleepingHandler.class).start()) {
      InvocationRequest event =
          InvocationRequest.builder("{}").timeout(Duration.ofSeconds(20)).build();
      CompletableFuture<InvocationResult> blocking =
          CompletableFuture.supplyAsync(() -> lambda.invoke(event));
      awaitLine(lambda, "sleeping " + event.requestId());

      lambda.kill();

      ExecutionException e =
          assertThrows(ExecutionException.class, () -> blocking.get(10, TimeUnit.SECONDS));
      LocalLambdaDiedException died =
          assertInstanceOf(LocalLambdaDiedException.class, e.getCause());
      assertTrue(died.getMessage().contains("was killed"), died.getMessage());
      assertTrue(
          died.lastOutput().contains("sleeping " + event.requestId()), died.lastOutput()::toString);
      assertFalse(lambda.isAlive());
      assertThrows(
          LocalLambdaDiedException.class, () -> lambda.invokeAsync("{}"), "dead: fails at once");
    }
  }

  @Test
  void timings_arePopulated_atTheFirstResponse() {
    try (LocalLambda lambda = lambda(EchoHandler.class).classLoadLog(true).start()) {
      assertEquals(null, lambda.timings().firstResponse());
      lambda.invoke("{}");
      LocalLambda.Timings timings = lambda.timings();
      assertNotNull(timings.firstResponse());
      assertTrue(
          !timings.firstResponse().isNegative() && !timings.firstResponse().isZero(),
          timings::toString);
      assertTrue(timings.classesLoadedAtFirstResponse() > 100, timings::toString);
      lambda.invoke("{}");
      assertEquals(timings, lambda.timings(), "only the first response counts");
    }
  }

  @Test
  void child_seesExactlyTheLambdaLikeEnvironment_andNothingOfTheParents() {
    assertEquals(
        "leaked",
        System.getenv("LAMINA_PARENT_ONLY_MARKER"),
        "surefire sets this marker for the test JVM (see pom.xml); without it this test proves nothing");
    try (LocalLambda lambda =
        lambda(EnvHandler.class)
            .functionName("env-fn")
            .memorySizeMb(256)
            .environment(Map.of("GREETING", "Hello", "AWS_REGION", "eu-west-1"))
            .timeout(Duration.ofSeconds(7))
            .start()) {
      Map<String, String> seen =
          Arrays.stream(lambda.invoke("{}").body().split("\n"))
              .map(line -> line.split("=", 2))
              .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
      Set<String> env =
          seen.keySet().stream()
              .filter(k -> !k.contains("."))
              .collect(Collectors.toCollection(TreeSet::new));

      assertEquals(
          new TreeSet<>(
              Set.of(
                  "PATH",
                  "JAVA_HOME",
                  "LANG",
                  "TZ",
                  "AWS_REGION",
                  "AWS_DEFAULT_REGION",
                  "AWS_EXECUTION_ENV",
                  "AWS_LAMBDA_FUNCTION_NAME",
                  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                  "AWS_LAMBDA_FUNCTION_VERSION",
                  "AWS_LAMBDA_LOG_GROUP_NAME",
                  "AWS_LAMBDA_LOG_STREAM_NAME",
                  "AWS_LAMBDA_INITIALIZATION_TYPE",
                  "_HANDLER",
                  "LAMBDA_TASK_ROOT",
                  "AWS_LAMBDA_RUNTIME_API",
                  "GREETING")),
          env);
      assertEquals("Hello", seen.get("GREETING"));
      assertEquals("eu-west-1", seen.get("AWS_REGION"), "the test's entries win over the defaults");
      assertEquals("env-fn", seen.get("AWS_LAMBDA_FUNCTION_NAME"));
      assertEquals("256", seen.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
      assertEquals(TestHandlers.handler(EnvHandler.class), seen.get("_HANDLER"));
      assertEquals(":UTC", seen.get("TZ"));
      assertEquals(
          "AWS_Lambda_java" + Runtime.version().feature(),
          seen.get("AWS_EXECUTION_ENV"),
          "named after the child's JDK, which is this JVM's by default");
      assertEquals("on-demand", seen.get("AWS_LAMBDA_INITIALIZATION_TYPE"));
      assertEquals(lambda.runtimeApiAddress(), seen.get("AWS_LAMBDA_RUNTIME_API"));
      assertEquals(lambda.workDirectory().toString(), seen.get("LAMBDA_TASK_ROOT"));
      assertEquals(
          lambda.workDirectory().toString(),
          seen.get("user.dir"),
          "runs in its own empty directory");

      assertEquals("env-fn", seen.get("context.functionName"));
      assertEquals("256", seen.get("context.memoryLimitInMB"));
      assertEquals(
          "arn:aws:lambda:eu-west-1:123456789012:function:env-fn",
          seen.get("context.invokedFunctionArn"));
      int remaining = Integer.parseInt(seen.get("context.remainingTimeInMillis"));
      assertTrue(remaining > 0 && remaining <= 7_000, "deadline from the timeout: " + remaining);
      assertTrue(
          seen.get("context.xrayTraceId").startsWith("Root=1-"), seen.get("context.xrayTraceId"));
    }
  }

  @Test
  void output_isCaptured_live() throws InterruptedException {
    try (LocalLambda lambda = lambda(ThrowingHandler.class).start()) {
      lambda.invoke("{\"fail\":1}");
      // The runtime logs the error after posting it: the line arrives shortly after the result.
      String line =
          lambda.awaitOutputLine(
              l -> l.contains("java.lang.IllegalStateException: asked to fail"),
              Duration.ofSeconds(20));
      assertTrue(lambda.output().contains(line), "the awaited line is in the captured output");
    }
  }

  @Test
  void builder_rejectsBadSettings_namingEachOne() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LocalLambda.builder()
                    .classPath(List.of(java.nio.file.Path.of("does-not-exist")))
                    .memorySizeMb(64)
                    .start());
    assertTrue(e.getMessage().contains("[handler]"), e.getMessage());
    assertTrue(e.getMessage().contains("[classPath] entries do not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("[memorySizeMb]"), e.getMessage());
  }

  private static void awaitLine(LocalLambda lambda, String line) {
    assertEquals(line, lambda.awaitStdoutLine(line::equals, Duration.ofSeconds(20)));
  }

  @Test
  void awaitStdoutLine_failsWithTheLastOutput_whenNoLineMatchesInTime() {
    try (LocalLambda lambda = lambda(SleepingHandler.class).start()) {
      InvocationRequest event =
          InvocationRequest.builder("{}").timeout(Duration.ofSeconds(20)).build();
      lambda.invokeAsync(event);
      awaitLine(lambda, "sleeping " + event.requestId());

      LocalLambdaException e =
          assertThrows(
              LocalLambdaException.class,
              () ->
                  lambda.awaitStdoutLine(
                      l -> l.startsWith("never printed"), Duration.ofMillis(200)));

      assertTrue(e.getMessage().contains("sleeping " + event.requestId()), e.getMessage());
    }
  }
}
