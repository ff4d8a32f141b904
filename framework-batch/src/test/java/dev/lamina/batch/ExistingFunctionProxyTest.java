package dev.lamina.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InitError;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-code path under the real runtime interface client: an existing SQS function's jar,
 * unchanged, gets partial batch responses from a changed handler setting and Lamina on the class
 * path, as a layer would add it.
 */
class ExistingFunctionProxyTest {
  private static final Duration OUTPUT_WAIT = Duration.ofSeconds(20);
  private static final String BATCH =
      BatchProxyHandlerTest.sqsEvent(
          Batches.STANDARD_QUEUE,
          "m-1",
          "ship",
          "m-2",
          ExistingBatchFunctionJar.OUT_OF_STOCK,
          "m-3",
          "ship",
          "m-4",
          ExistingBatchFunctionJar.OUT_OF_STOCK,
          "m-5",
          "ship");

  private static boolean named(Path path, String artifact) {
    return path.getFileName().toString().startsWith(artifact);
  }

  /**
   * Lamina as a layer: framework-batch's classes and runtime dependencies, without the optional
   * framework-idempotency, so a proxy that loaded it without being asked to would fail its init.
   */
  private static List<Path> laminaLayer() {
    List<Path> layer = new ArrayList<>(List.of(Path.of("target/classes")));
    for (Path p : FunctionClassPath.dependencies()) {
      if (!p.toString().contains("framework-idempotency")) {
        layer.add(p);
      }
    }
    return layer;
  }

  private static List<String> shipped(LocalLambda lambda) {
    return lambda.stdoutLines().stream()
        .map(String::trim)
        .filter(l -> l.startsWith("shipped "))
        .collect(Collectors.toList());
  }

  @Test
  void existingSqsFunction_compiledWithoutLamina_reportsOnlyItsFailedMessages_throughTheProxy(
      @TempDir Path dir) throws IOException {
    Path jar = ExistingBatchFunctionJar.build(dir);
    try (JarFile contents = new JarFile(jar.toFile())) {
      assertEquals(
          List.of("com/example/existing/ShipOrders.class"),
          contents.stream().map(e -> e.getName()).collect(Collectors.toList()));
    }
    // Its deployment package bundles the event classes, as an SQS function's does.
    List<Path> function = new ArrayList<>(List.of(jar));
    for (Path p : FunctionClassPath.dependencies()) {
      if (named(p, "aws-lambda-java-events") || named(p, "joda-time")) {
        function.add(p);
      }
    }
    assertTrue(
        function.stream().anyMatch(p -> named(p, "aws-lambda-java-events")),
        "target/lamina/runtime.classpath lists aws-lambda-java-events: " + function);

    // As it runs today: one out-of-stock message fails the whole batch, shipped ones included.
    try (LocalLambda plain =
        LocalLambda.builder()
            .handler(ExistingBatchFunctionJar.HANDLER_CLASS + "::handleRequest")
            .classPath(function)
            .functionName("ship-orders")
            .start()) {
      InvocationResult result = plain.invoke(BATCH);

      assertTrue(result.isError(), result::toString);
      assertEquals("java.lang.IllegalStateException", result.errorType());
      plain.awaitStdoutLine(l -> l.contains("shipped m-1 in a batch of 5"), OUTPUT_WAIT);
    }

    // The same jar, with Lamina added as a layer and the configuration changed.
    List<Path> withLayer = new ArrayList<>(function);
    withLayer.addAll(laminaLayer());
    try (LocalLambda proxied =
        LocalLambda.builder()
            .handler(BatchProxyHandler.class.getName() + "::handleRequest")
            .classPath(withLayer)
            .environment(
                "LAMINA_BATCH_HANDLER", ExistingBatchFunctionJar.HANDLER_CLASS + "::handleRequest")
            .functionName("ship-orders")
            .start()) {
      InvocationResult result = proxied.invoke(BATCH);

      assertFalse(result.isError(), result::toString);
      assertEquals(
          "{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"},"
              + "{\"itemIdentifier\":\"m-4\"}]}",
          result.body());
      proxied.awaitStdoutLine(l -> l.contains("shipped m-5 "), OUTPUT_WAIT);
      assertEquals(
          List.of(
              "shipped m-1 in a batch of 1",
              "shipped m-3 in a batch of 1",
              "shipped m-5 in a batch of 1"),
          shipped(proxied),
          "each message reached the original handler in a batch of its own");
    }
  }

  @Test
  void misconfiguredProxy_underTheRealRuntime_failsInit_withOneErrorListingEveryProblem() {
    try (LocalLambda broken =
        LocalLambda.builder()
            .handler(BatchProxyHandler.class.getName() + "::handleRequest")
            .classPath(laminaLayer())
            .environment(
                Map.of(
                    "LAMINA_BATCH_HANDLER",
                    "com.example.existing.NotDeployed",
                    "LAMINA_BATCH_PARALLELISM",
                    "0"))
            .functionName("ship-orders")
            .start()) {
      InitError error = broken.awaitInitError(Duration.ofSeconds(30));

      assertEquals(BatchConfigurationException.class.getName(), error.errorType());
      assertTrue(
          error
              .errorMessage()
              .contains(
                  "[com.example.existing.NotDeployed] named by"
                      + " [LAMINA_BATCH_HANDLER] is not on the class path"),
          error.errorMessage());
      assertTrue(
          error
              .errorMessage()
              .contains(
                  "[LAMINA_BATCH_PARALLELISM] must be a whole number" + " from 1 to 64, was [0]"),
          error.errorMessage());
    }
  }
}
