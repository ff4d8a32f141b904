package dev.lamina.core.internal.codec.events;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the partial batch responses ({@code SQSBatchResponse}, {@code StreamsEventResponse},
 * {@code TimeWindowEventResponse}) with jackson-core alone, as the runtime's plain mapper writes
 * them ({@code null} properties left out), so a batch function does not load jackson-databind to
 * answer. {@code EventEquivalenceTest} holds the output to the runtime's. Stateless.
 */
public final class BatchResponseWriter {
  private BatchResponseWriter() {}

  /** The response's JSON. */
  public static byte[] write(JsonFactory json, Object response) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartObject();
      if (response instanceof TimeWindowEventResponse window) {
        if (window.getState() != null) {
          g.writeObjectFieldStart("state");
          for (Map.Entry<String, String> e : window.getState().entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getValue() == null) {
              g.writeNull();
            } else {
              g.writeString(e.getValue());
            }
          }
          g.writeEndObject();
        }
      }
      List<String> ids = identifiers(response);
      if (ids != null) {
        g.writeArrayFieldStart("batchItemFailures");
        for (String id : ids) {
          g.writeStartObject();
          if (id != null) {
            g.writeStringField("itemIdentifier", id);
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /** Each failure's identifier ({@code null} for a null failure); {@code null} without a list. */
  private static List<String> identifiers(Object response) {
    List<String> ids = new ArrayList<>();
    if (response instanceof SQSBatchResponse sqs) {
      if (sqs.getBatchItemFailures() == null) {
        return null;
      }
      sqs.getBatchItemFailures().forEach(f -> ids.add(f == null ? null : f.getItemIdentifier()));
    } else if (response instanceof StreamsEventResponse streams) {
      if (streams.getBatchItemFailures() == null) {
        return null;
      }
      streams
          .getBatchItemFailures()
          .forEach(f -> ids.add(f == null ? null : f.getItemIdentifier()));
    } else {
      TimeWindowEventResponse window = (TimeWindowEventResponse) response;
      if (window.getBatchItemFailures() == null) {
        return null;
      }
      window.getBatchItemFailures().forEach(f -> ids.add(f == null ? null : f.getItemIdentifier()));
    }
    return ids;
  }
}
