package dev.lamina.samples.greeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A user who prefers logback excludes framework-logging and adds logback: the function starts
 * without SLF4J's "multiple providers" warning, logs through logback, and logback sees the MDC
 * fields Lamina sets. Runs the greeting sample under the real runtime client with exactly that
 * class path.
 */
class LogbackInsteadOfLaminaLoggingTest {
  private static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

  private static List<Path> classPathWithLogbackInsteadOfLamina() throws IOException {
    List<Path> cp = new ArrayList<>();
    cp.add(BASE.resolve("src/test/logback-swap")); // logback.xml
    for (Path p : FunctionClassPath.of(BASE, "target/classes")) {
      if (!p.getFileName().toString().startsWith("framework-logging")) {
        cp.add(p);
      }
    }
    try (Stream<Path> jars = Files.list(BASE.resolve("target/lamina/logback"))) {
      jars.sorted().forEach(cp::add);
    }
    return cp;
  }

  @Test
  void sampleLogsThroughLogback_withLaminasMdcFields_andNoProviderWarning() throws Exception {
    List<Path> cp = classPathWithLogbackInsteadOfLamina();
    assertTrue(
        cp.stream().noneMatch(p -> p.toString().contains("framework-logging")), cp::toString);

    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler(GreetingHandler.class.getName())
            .functionName("greeting")
            .classPath(cp)
            .start()) {
      InvocationResult result = lambda.invoke("{\"name\":\"Ada\"}");

      assertFalse(result.isError(), result.toString());
      List<String> output = lambda.output();
      assertTrue(output.stream().noneMatch(l -> l.contains("SLF4J")), String.join("\n", output));
      String line =
          lambda.stdoutLines().stream()
              .filter(l -> l.startsWith("INFO GreetingHandler - Greeting a visitor"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(String.join("\n", output)));
      assertTrue(
          line.endsWith("request=" + result.requestId() + " cold=true function=greeting"), line);
      assertEquals(1, lambda.stdoutLines().stream().filter(l -> l.contains("Greeting a")).count());
    }
  }
}
