package dev.lamina.test.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An in-memory Kafka topic that a test fills, without a broker, wired to a function by a local
 * event source mapping with Lambda's checkpoint semantics (see {@link StreamEventSource}): each
 * partition is a shard, its offsets the sequence numbers, its committed offset the checkpoint.
 * The function gets the {@code KafkaEvent} JSON Lambda sends for Amazon MSK
 * ({@code eventSource} {@code aws:kafka}, {@code eventSourceArn}, {@code bootstrapServers},
 * {@code records} keyed by {@code <topic>-<partition>}, base64 {@code key} and {@code value},
 * {@code timestamp} in epoch milliseconds, {@code headers} as lists of byte values). A partial
 * batch response names a record by an object,
 * {@code {"itemIdentifier":{"partition":"orders-0","offset":15}}}; record ids in
 * {@link dev.lamina.test.eventsource.Delivery} are {@code orders-0@15}.
 *
 * <p>Thread-safe. Always {@link #close()} it.
 *
 * <pre>{@code
 * try (KafkaEventSource orders = KafkaEventSource.builder()
 *     .topic("orders").partitions(2).function(lambda).start()) {
 *   long offset = orders.send(0, "o-1", "{\"orderId\":\"o-1\"}");
 *   orders.awaitIdle(Duration.ofSeconds(30));
 *   assertEquals(Optional.of(Long.toString(offset)), orders.checkpoint("orders-0"));
 * }
 * }</pre>
 */
public final class KafkaEventSource extends StreamEventSource {

  private final InMemoryShards partitions;
  private final String topic;
  private final int partitionCount;
  private final String clusterArn;
  private final String bootstrapServers;
  private final long[] nextOffset;

  private KafkaEventSource(Builder b, InMemoryShards partitions) {
    super(b, partitions);
    this.partitions = partitions;
    this.topic = b.topic;
    this.partitionCount = b.partitions;
    this.clusterArn =
        "arn:aws:kafka:"
            + b.region
            + ":"
            + b.accountId
            + ":cluster/"
            + b.clusterName
            + "/751d2973-a626-431c-9d4e-d7975eb44dd7-2";
    this.bootstrapServers =
        "b-1."
            + b.clusterName
            + ".kafka."
            + b.region
            + ".amazonaws.com:9092,b-2."
            + b.clusterName
            + ".kafka."
            + b.region
            + ".amazonaws.com:9092";
    this.nextOffset = new long[b.partitions];
  }

  /** A builder; {@link Builder#function} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The key of a partition in {@code records} and in item identifiers: {@code <topic>-<n>}. */
  public String partitionKey(int partition) {
    return topic + "-" + partition;
  }

  /** The record id of an offset of a partition, as deliveries list it: {@code <topic>-<n>@<o>}. */
  public String recordId(int partition, long offset) {
    return partitionKey(partition) + "@" + offset;
  }

  @Override
  public String eventSourceArn() {
    return clusterArn;
  }

  /** Sends a record with UTF-8 key (may be null) and value, no headers; see below. */
  public long send(int partition, String key, String value) {
    return send(
        partition,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8),
        Map.of());
  }

  /**
   * Appends a record to {@code partition}, timestamped now on the mapping's clock
   * ({@code CREATE_TIME}), and wakes the poller.
   *
   * @param key the record's key; null for none
   * @param headers header names to UTF-8 values, in order
   * @return the record's offset
   */
  public long send(int partition, byte[] key, byte[] value, Map<String, String> headers) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(headers, "headers");
    if (partition < 0 || partition >= partitionCount) {
      throw new IllegalArgumentException(
          "[partition] must be 0 to " + (partitionCount - 1) + ", was " + partition);
    }
    long offset;
    synchronized (partitions) {
      offset = nextOffset[partition]++;
      Instant timestamp = clock.instant();
      ObjectNode record = JSON.createObjectNode();
      record.put("topic", topic);
      record.put("partition", partition);
      record.put("offset", offset);
      record.put("timestamp", timestamp.toEpochMilli());
      record.put("timestampType", "CREATE_TIME");
      if (key != null) {
        record.put("key", Base64.getEncoder().encodeToString(key));
      }
      record.put("value", Base64.getEncoder().encodeToString(value));
      ArrayNode list = record.putArray("headers");
      new LinkedHashMap<>(headers)
          .forEach(
              (name, text) -> {
                ArrayNode bytes = list.addObject().putArray(name);
                for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                  bytes.add(b);
                }
              });
      partitions.add(
          new StreamRecord(
              partitionKey(partition),
              BigInteger.valueOf(offset),
              Long.toString(offset),
              recordId(partition, offset),
              timestamp,
              record));
    }
    wake();
    return offset;
  }

  @Override
  String event(String shardId, List<StreamRecord> batch) {
    ObjectNode root = JSON.createObjectNode();
    root.put("eventSource", "aws:kafka");
    root.put("eventSourceArn", clusterArn);
    root.put("bootstrapServers", bootstrapServers);
    ArrayNode records = root.putObject("records").putArray(shardId);
    batch.forEach(r -> records.add(r.json()));
    return root.toString();
  }

  /** {@code {"partition":"<topic>-<n>","offset":n}}, for this batch's partition only. */
  @Override
  String identifier(String shardId, JsonNode itemIdentifier) {
    if (!itemIdentifier.isObject()) {
      return null;
    }
    JsonNode partition = itemIdentifier.get("partition");
    JsonNode offset = itemIdentifier.get("offset");
    if (partition == null
        || !partition.isTextual()
        || offset == null
        || !offset.canConvertToLong()
        || !offset.isIntegralNumber()) {
      return null;
    }
    return partition.asText() + "@" + offset.asLong();
  }

  @Override
  String batchInfoName() {
    return "KafkaBatchInfo";
  }

  @Override
  public String toString() {
    return "KafkaEventSource[" + topic + ", " + clusterArn + "]";
  }

  /** Configures and starts a {@link KafkaEventSource}. Not thread-safe. */
  public static final class Builder extends Settings<Builder> {
    private String topic = "topic";
    private int partitions = 1;
    private String clusterName = "local";

    private Builder() {}

    /** The topic's name; default {@code topic}. */
    public Builder topic(String topic) {
      this.topic = Objects.requireNonNull(topic, "topic");
      return this;
    }

    /** How many partitions, 1 to 100; default 1. Each is processed in order, a batch at a time. */
    public Builder partitions(int partitions) {
      this.partitions = partitions;
      return this;
    }

    /** The MSK cluster's name, in its ARN and bootstrap servers; default {@code local}. */
    public Builder clusterName(String clusterName) {
      this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
      return this;
    }

    /**
     * Validates the settings and starts polling.
     *
     * @throws IllegalArgumentException naming every bad setting
     */
    public KafkaEventSource start() {
      List<String> problems = new ArrayList<>();
      validate(problems, 10_000);
      if (partitions < 1 || partitions > 100) {
        problems.add("[partitions] must be 1 to 100, was " + partitions);
      }
      if (!topic.matches("[a-zA-Z0-9._-]{1,249}")) {
        problems.add("[topic] must be 1 to 249 of a-z, A-Z, 0-9, . _ -, was [" + topic + "]");
      }
      check("KafkaEventSource", problems);
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < partitions; i++) {
        keys.add(topic + "-" + i);
      }
      KafkaEventSource source = new KafkaEventSource(this, new InMemoryShards(keys));
      source.startPolling(topic, this);
      return source;
    }
  }
}
