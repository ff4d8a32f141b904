package dev.lamina.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.spi.MDCAdapter;

/**
 * A provider wired to an in-memory stream and a fixed clock, with helpers to read back the
 * lines it wrote. Each test gets its own instance, so no global SLF4J state is involved.
 */
final class RecordingLog {

  /** 2026-11-22T10:53:11.123Z. */
  static final long FIXED_MILLIS = 1_795_344_791_123L;

  static final String FIXED_TIMESTAMP = "2026-11-22T10:53:11.123Z";

  /** Strict: trailing content after the object or a repeated key fails the parse. */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final JsonLogProvider provider;

  RecordingLog(Map<String, String> env) {
    provider =
        new JsonLogProvider(
            env, new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> FIXED_MILLIS);
    provider.initialize();
  }

  static RecordingLog withEnv(String... keysAndValues) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      env.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new RecordingLog(env);
  }

  Logger logger(String name) {
    return provider.getLoggerFactory().getLogger(name);
  }

  MDCAdapter mdc() {
    return provider.getMDCAdapter();
  }

  /** The raw output, split at '\n'; the output must end with '\n'. */
  List<String> rawLines() {
    String text = bytes.toString(StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    if (text.isEmpty()) {
      return lines;
    }
    assertEquals('\n', text.charAt(text.length() - 1), "output must end with a newline");
    for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
      lines.add(line);
    }
    return lines;
  }

  /** Every line parsed as one JSON object; fails if any line is not exactly one object. */
  List<ObjectNode> lines() {
    List<ObjectNode> parsed = new ArrayList<>();
    for (String line : rawLines()) {
      parsed.add(parse(line));
    }
    return parsed;
  }

  ObjectNode onlyLine() {
    List<ObjectNode> lines = lines();
    assertEquals(1, lines.size(), () -> "expected one line, got " + rawLines());
    return lines.get(0);
  }

  static ObjectNode parse(String line) {
    try {
      JsonNode node = MAPPER.readTree(line);
      if (!(node instanceof ObjectNode)) {
        throw new AssertionError("not a JSON object: " + line);
      }
      return (ObjectNode) node;
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  static List<String> fieldNames(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
