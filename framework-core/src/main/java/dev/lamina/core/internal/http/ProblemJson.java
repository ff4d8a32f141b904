package dev.lamina.core.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lamina.core.http.Problem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Problem} as {@code application/problem+json} with jackson-core's generator (the
 * codec's own dependency), so every string is escaped as JSON requires. Loaded only when a problem
 * is rendered.
 */
public final class ProblemJson {
  private static final JsonFactory JSON = new JsonFactory();

  private ProblemJson() {}

  /**
   * The problem as one JSON document.
   *
   * @param problem the problem; not {@code null}
   * @return the document
   */
  public static String write(Problem problem) {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", problem.type().toString());
      if (problem.title() != null) {
        g.writeStringField("title", problem.title());
      }
      g.writeNumberField("status", problem.status());
      if (problem.detail() != null) {
        g.writeStringField("detail", problem.detail());
      }
      if (problem.instance() != null) {
        g.writeStringField("instance", problem.instance().toString());
      }
      for (Map.Entry<String, Object> e : problem.extensions().entrySet()) {
        g.writeFieldName(e.getKey());
        value(g, e.getValue());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write a problem as JSON", e);
    }
    return out.toString();
  }

  private static void value(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (value instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (value instanceof Double d) {
      g.writeNumber(d);
    } else if (value instanceof Float f) {
      g.writeNumber(f);
    } else if (value instanceof Number n) {
      g.writeNumber(n.longValue());
    } else if (value instanceof List<?> items) {
      g.writeStartArray();
      for (Object item : items) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof Map<?, ?> members) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : members.entrySet()) {
        g.writeFieldName((String) e.getKey());
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      // Problem.Builder admits nothing else.
      throw new IllegalStateException("Unexpected extension value " + value.getClass().getName());
    }
  }
}
