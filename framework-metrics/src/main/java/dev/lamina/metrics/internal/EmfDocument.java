package dev.lamina.metrics.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lamina.core.metrics.MetricResolution;
import dev.lamina.core.metrics.MetricUnit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one invocation (or one cold start) writes, and its rendering as Embedded Metric Format
 * lines. The format's limits are met by splitting, never by dropping: at most {@value
 * MetricRules#MAX_METRICS_PER_LINE} metrics per line and {@value
 * MetricRules#MAX_VALUES_PER_METRIC} values per metric on a line, further metrics and values go
 * to further lines, and a line larger than {@value #MAX_LINE_BYTES} bytes is split in two. Every
 * line repeats the namespace, the dimension sets, the dimension values and the metadata, so each
 * stands on its own.
 *
 * @param namespace the CloudWatch namespace
 * @param timestamp epoch milliseconds for every line
 * @param dimensionSets the dimension sets, default set first
 * @param dimensionValues every dimension's value
 * @param metrics the metrics in the order first recorded
 * @param metadata properties written on every line, not metrics
 */
record EmfDocument(
    String namespace,
    long timestamp,
    List<List<String>> dimensionSets,
    Map<String, String> dimensionValues,
    List<Metric> metrics,
    Map<String, Object> metadata) {

  /**
   * The largest line written: CloudWatch Logs takes events of 256 KB (the limit Lambda's log
   * stream has long had), well above what 100 metrics of 100 values need.
   */
  static final int MAX_LINE_BYTES = 256 * 1024 - 64;

  /** One metric with every value recorded. */
  record Metric(String name, MetricUnit unit, MetricResolution resolution, List<Double> values) {
    Metric(String name, MetricUnit unit, MetricResolution resolution) {
      this(name, unit, resolution, new ArrayList<>());
    }
  }

  /** One metric's values on one line. */
  private record Slice(Metric metric, int from, int to) {}

  /**
   * Renders the document.
   *
   * @param json the feature's JSON factory
   * @return the lines, each ending with {@code \n}; empty if there is no metric
   */
  List<byte[]> render(JsonFactory json) {
    List<byte[]> lines = new ArrayList<>();
    // Round r carries each metric's r-th slice of at most 100 values.
    for (int round = 0; ; round++) {
      List<Slice> slices = new ArrayList<>();
      for (Metric m : metrics) {
        int from = round * MetricRules.MAX_VALUES_PER_METRIC;
        if (from < m.values().size()) {
          int to = Math.min(m.values().size(), from + MetricRules.MAX_VALUES_PER_METRIC);
          slices.add(new Slice(m, from, to));
        }
      }
      if (slices.isEmpty()) {
        return lines;
      }
      for (int i = 0; i < slices.size(); i += MetricRules.MAX_METRICS_PER_LINE) {
        renderFitting(
            json,
            slices.subList(i, Math.min(slices.size(), i + MetricRules.MAX_METRICS_PER_LINE)),
            lines);
      }
    }
  }

  private void renderFitting(JsonFactory json, List<Slice> slices, List<byte[]> lines) {
    byte[] line = line(json, slices);
    if (line.length <= MAX_LINE_BYTES || slices.size() == 1) {
      lines.add(line);
      return;
    }
    int half = slices.size() / 2;
    renderFitting(json, slices.subList(0, half), lines);
    renderFitting(json, slices.subList(half, slices.size()), lines);
  }

  private byte[] line(JsonFactory json, List<Slice> slices) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 64 * slices.size());
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("_aws");
      g.writeNumberField("Timestamp", timestamp);
      g.writeArrayFieldStart("CloudWatchMetrics");
      g.writeStartObject();
      g.writeStringField("Namespace", namespace);
      g.writeArrayFieldStart("Dimensions");
      for (List<String> set : dimensionSets) {
        g.writeStartArray();
        for (String name : set) {
          g.writeString(name);
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("Metrics");
      for (Slice s : slices) {
        g.writeStartObject();
        g.writeStringField("Name", s.metric().name());
        g.writeStringField("Unit", s.metric().unit().cloudWatchName());
        g.writeNumberField("StorageResolution", s.metric().resolution().seconds());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      for (Map.Entry<String, String> d : dimensionValues.entrySet()) {
        g.writeStringField(d.getKey(), d.getValue());
      }
      for (Slice s : slices) {
        List<Double> values = s.metric().values();
        g.writeFieldName(s.metric().name());
        if (s.to() - s.from() == 1) {
          writeNumber(g, values.get(s.from()));
        } else {
          g.writeStartArray();
          for (int i = s.from(); i < s.to(); i++) {
            writeNumber(g, values.get(i));
          }
          g.writeEndArray();
        }
      }
      for (Map.Entry<String, Object> p : metadata.entrySet()) {
        g.writeFieldName(p.getKey());
        Object v = p.getValue();
        if (v instanceof String) {
          g.writeString((String) v);
        } else if (v instanceof Boolean) {
          g.writeBoolean((Boolean) v);
        } else if (v instanceof BigDecimal) {
          g.writeNumber((BigDecimal) v);
        } else if (v instanceof BigInteger) {
          g.writeNumber((BigInteger) v);
        } else if (EmfRecorder.isIntegral((Number) v)) {
          g.writeNumber(((Number) v).longValue());
        } else {
          writeNumber(g, ((Number) v).doubleValue());
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render a metrics line", e);
    }
    out.write('\n'); // each line is written whole, its end included
    return out.toByteArray();
  }

  /** Whole numbers as integers (counts read as {@code 3}, not {@code 3.0}). */
  private static void writeNumber(JsonGenerator g, double v) throws IOException {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      g.writeNumber((long) v);
    } else {
      g.writeNumber(v);
    }
  }
}
