package dev.lamina.samples.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.LocalLambda;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a batch sample under the real runtime client for the event source mapping tests, and
 * reads the JSON log lines it wrote. The function's class path is the samples' own plus
 * {@code target/test-classes}, where the tests' flaky variants of the samples live. Stateless.
 */
final class SampleUnderMapping {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SampleUnderMapping() {}

  /** The handler running under the real runtime client, logging JSON lines. */
  static LocalLambda start(Class<?> handler, String functionName) throws IOException {
    Path base = Path.of(System.getProperty("basedir", "."));
    List<Path> classPath = new ArrayList<>(FunctionClassPath.of(base, "target/classes"));
    classPath.add(base.resolve("target/test-classes"));
    return LocalLambda.builder()
        .handler(handler.getName())
        .classPath(classPath)
        .functionName(functionName)
        .timeout(Duration.ofSeconds(10))
        .environment("AWS_LAMBDA_LOG_FORMAT", "JSON")
        .start();
  }

  /**
   * Waits for a line with {@code message} about each of {@code recordIds} (lines travel through a
   * pipe and may arrive after the response), then returns every line with {@code message}, in the
   * order they were written.
   */
  static List<JsonNode> lines(LocalLambda lambda, String message, List<String> recordIds) {
    for (String id : recordIds) {
      String recordId = "\"record_id\":\"" + id + "\"";
      lambda.awaitStdoutLine(
          l -> l.contains(recordId) && l.contains("\"" + message + "\""), Duration.ofSeconds(20));
    }
    List<JsonNode> out = new ArrayList<>();
    for (String line : lambda.stdoutLines()) {
      try {
        JsonNode json = JSON.readTree(line);
        if (message.equals(json.path("message").asText())) {
          out.add(json);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Not a JSON line: " + line, e);
      }
    }
    return out;
  }

  /** The {@code record_id}s of {@code lines}, in order. */
  static List<String> recordIds(List<JsonNode> lines) {
    return lines.stream().map(l -> l.path("record_id").asText()).toList();
  }
}
