package dev.lamina.test.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Embedded Metric Format line, parsed into what CloudWatch would extract from it: the
 * namespace, the dimension sets with their values, and each metric's unit, resolution and
 * values. Parsing checks the rules of the specification that a JSON Schema cannot express:
 * every referenced dimension is a string member of the root of at most 1,024 characters, every
 * metric a number or an array of at most 100 numbers, at most 100 metrics and 30 dimensions per
 * set. Immutable.
 *
 * <pre>{@code
 * EmfLine line = EmfLine.allIn(lambda.stdoutLines()).get(0);
 * assertEquals(List.of(1.0), line.metric("OrdersPlaced").values());
 * }</pre>
 */
public final class EmfLine {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String text;
  private final long timestamp;
  private final String namespace;
  private final List<List<String>> dimensionSets;
  private final Map<String, String> dimensions;
  private final Map<String, Metric> metrics;
  private final Map<String, JsonNode> properties;

  /**
   * A metric as the line defines it.
   *
   * @param name the metric's name
   * @param unit the unit, {@code None} if the line gives none
   * @param storageResolution 60 or 1; 60 if the line gives none
   * @param values the values on this line
   */
  public record Metric(String name, String unit, int storageResolution, List<Double> values) {}

  private EmfLine(
      String text,
      long timestamp,
      String namespace,
      List<List<String>> dimensionSets,
      Map<String, String> dimensions,
      Map<String, Metric> metrics,
      Map<String, JsonNode> properties) {
    this.text = text;
    this.timestamp = timestamp;
    this.namespace = namespace;
    this.dimensionSets = dimensionSets;
    this.dimensions = dimensions;
    this.metrics = metrics;
    this.properties = properties;
  }

  /**
   * The metric lines among output lines (those whose JSON object has an {@code _aws} member),
   * parsed, in order. Other lines (log lines, text) are skipped.
   *
   * @param lines lines of standard output
   * @return the parsed metric lines
   * @throws IllegalArgumentException if a metric line breaks the format's rules
   */
  public static List<EmfLine> allIn(List<String> lines) {
    List<EmfLine> out = new ArrayList<>();
    for (String line : lines) {
      String t = line.trim();
      if (t.startsWith("{") && t.contains("\"_aws\"")) {
        JsonNode node = read(t);
        if (node.has("_aws")) {
          out.add(parse(t));
        }
      }
    }
    return out;
  }

  /**
   * Parses one line.
   *
   * @param line the JSON text
   * @return the line
   * @throws IllegalArgumentException naming the first rule the line breaks
   */
  public static EmfLine parse(String line) {
    JsonNode root = read(line);
    JsonNode aws = root.path("_aws");
    require(aws.isObject(), "the root has no _aws object");
    require(aws.path("Timestamp").canConvertToLong(), "_aws.Timestamp is not an integer");
    JsonNode directives = aws.path("CloudWatchMetrics");
    require(
        directives.isArray() && directives.size() == 1,
        "Lamina lines carry exactly one metric directive, this has " + directives.size());
    JsonNode directive = directives.get(0);
    String namespace = directive.path("Namespace").asText(null);
    require(namespace != null && !namespace.isEmpty(), "the directive has no Namespace");

    List<List<String>> sets = new ArrayList<>();
    Map<String, String> dimensions = new LinkedHashMap<>();
    for (JsonNode set : directive.path("Dimensions")) {
      require(set.size() <= 30, "a dimension set holds " + set.size() + " keys, more than 30");
      List<String> names = new ArrayList<>();
      for (JsonNode n : set) {
        String name = n.asText();
        JsonNode target = root.get(name);
        require(target != null && target.isTextual(), "dimension [" + name + "] has no string");
        require(
            target.asText().length() <= 1024, "dimension [" + name + "] is over 1,024 characters");
        names.add(name);
        dimensions.put(name, target.asText());
      }
      sets.add(Collections.unmodifiableList(names));
    }
    JsonNode definitions = directive.path("Metrics");
    require(definitions.size() <= 100, "the directive defines " + definitions.size() + " metrics");
    Map<String, Metric> metrics = new LinkedHashMap<>();
    for (JsonNode def : definitions) {
      String name = def.path("Name").asText();
      JsonNode target = root.get(name);
      require(target != null, "metric [" + name + "] has no member on the root");
      List<Double> values = new ArrayList<>();
      if (target.isArray()) {
        require(target.size() <= 100, "metric [" + name + "] has " + target.size() + " values");
        for (JsonNode v : target) {
          require(v.isNumber(), "metric [" + name + "] has a value that is not a number");
          values.add(v.asDouble());
        }
      } else {
        require(target.isNumber(), "metric [" + name + "] is not a number");
        values.add(target.asDouble());
      }
      require(!metrics.containsKey(name), "metric [" + name + "] is defined twice");
      metrics.put(
          name,
          new Metric(
              name,
              def.path("Unit").asText("None"),
              def.path("StorageResolution").asInt(60),
              Collections.unmodifiableList(values)));
    }
    Set<String> referenced = new LinkedHashSet<>(dimensions.keySet());
    referenced.addAll(metrics.keySet());
    referenced.add("_aws");
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (!referenced.contains(e.getKey())) {
        properties.put(e.getKey(), e.getValue());
      }
    }
    return new EmfLine(
        line,
        aws.path("Timestamp").asLong(),
        namespace,
        Collections.unmodifiableList(sets),
        Collections.unmodifiableMap(dimensions),
        Collections.unmodifiableMap(metrics),
        Collections.unmodifiableMap(properties));
  }

  private static JsonNode read(String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a JSON line: " + e.getOriginalMessage(), e);
    }
  }

  private static void require(boolean rule, String broken) {
    if (!rule) {
      throw new IllegalArgumentException("Not a valid Embedded Metric Format line: " + broken);
    }
  }

  /** The line as written. */
  public String text() {
    return text;
  }

  /** {@code _aws.Timestamp}, epoch milliseconds. */
  public long timestamp() {
    return timestamp;
  }

  /** The CloudWatch namespace. */
  public String namespace() {
    return namespace;
  }

  /** The dimension sets, each a list of dimension names. */
  public List<List<String>> dimensionSets() {
    return dimensionSets;
  }

  /** Every referenced dimension with its value. */
  public Map<String, String> dimensions() {
    return dimensions;
  }

  /** The metrics, by name, in the order defined. */
  public Map<String, Metric> metrics() {
    return metrics;
  }

  /**
   * One metric.
   *
   * @param name its name
   * @return the metric
   * @throws IllegalArgumentException if the line does not define it
   */
  public Metric metric(String name) {
    Metric m = metrics.get(name);
    if (m == null) {
      throw new IllegalArgumentException(
          "This line defines no metric [" + name + "]; it defines " + metrics.keySet());
    }
    return m;
  }

  /** The members that are neither dimensions nor metrics (metadata). */
  public Map<String, JsonNode> properties() {
    return properties;
  }

  @Override
  public String toString() {
    return text;
  }
}
