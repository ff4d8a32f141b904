package dev.lamina.samples.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON log lines one invocation of a batch sample wrote, told apart from other invocations'
 * by their {@code function_request_id}. Reading waits for the batch's summary line, the last one
 * Lamina writes before it answers, since lines travel through a pipe and may arrive after the
 * response. Every line of the function's output must be JSON (the function runs with {@code
 * AWS_LAMBDA_LOG_FORMAT=JSON}).
 */
final class InvocationLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<JsonNode> lines;
  private final List<String> raw;

  private InvocationLog(List<JsonNode> lines, List<String> raw) {
    this.lines = lines;
    this.raw = raw;
  }

  static InvocationLog of(LocalLambda lambda, InvocationResult result) {
    String id = "\"function_request_id\":\"" + result.requestId() + "\"";
    lambda.awaitStdoutLine(
        l -> l.contains(id) && l.contains("\"batch_records\""), Duration.ofSeconds(20));
    List<JsonNode> mine = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    for (String line : lambda.stdoutLines()) {
      JsonNode json;
      try {
        json = JSON.readTree(line);
      } catch (IOException e) {
        throw new UncheckedIOException("Not a JSON line: " + line, e);
      }
      if (result.requestId().equals(json.path("function_request_id").asText())) {
        mine.add(json);
        raw.add(line);
      }
    }
    return new InvocationLog(mine, raw);
  }

  /** The {@code record_id}s of the lines with this message, in the order they were written. */
  List<String> recordIds(String message) {
    return lines.stream()
        .filter(l -> message.equals(l.path("message").asText()))
        .map(l -> l.path("record_id").asText())
        .toList();
  }

  /** Every line of the invocation, in the order they were written. */
  List<JsonNode> lines() {
    return lines;
  }

  /** The lines with this message, in the order they were written. */
  List<JsonNode> lines(String message) {
    return lines.stream().filter(l -> message.equals(l.path("message").asText())).toList();
  }

  /** The {@code record_id}s of the WARN lines Lamina wrote for failed records, in order. */
  List<String> failedRecordIds() {
    return lines.stream()
        .filter(
            l ->
                "WARN".equals(l.path("level").asText())
                    && l.path("message").asText().startsWith("Record ["))
        .map(l -> l.path("record_id").asText())
        .toList();
  }

  /** The batch's summary line. */
  JsonNode summary() {
    List<JsonNode> summaries = lines.stream().filter(l -> l.has("batch_records")).toList();
    assertEquals(1, summaries.size(), raw::toString);
    return summaries.get(0);
  }

  /** Whether any line of this invocation contains {@code text}. */
  boolean mentions(String text) {
    return raw.stream().anyMatch(l -> l.contains(text));
  }

  @Override
  public String toString() {
    return String.join("\n", raw);
  }
}
