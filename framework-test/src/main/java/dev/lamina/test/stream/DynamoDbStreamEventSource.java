package dev.lamina.test.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamina.test.dynamodb.DynamoDbLocal;
import dev.lamina.test.internal.SdkPresence;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A DynamoDB stream wired to a function by a local event source mapping with Lambda's checkpoint
 * semantics (see {@link StreamEventSource}), over one of two sources:
 *
 * <ul>
 *   <li>a real table's stream, read with the real {@code DynamoDbStreamsClient}
 *       ({@link Builder#dynamoDbLocal(DynamoDbLocal, String)}: DynamoDB Local serves
 *       {@code DescribeStream}, {@code GetShardIterator} and {@code GetRecords}); the test writes
 *       to the table, and the records are what DynamoDB Local's stream holds;
 *   <li>an in-memory shard the test fills with {@link #insert}, {@link #modify} and
 *       {@link #remove}, for tests without DynamoDB Local.
 * </ul>
 *
 * <p>Either way the function gets the {@code DynamodbEvent} JSON Lambda sends: {@code eventID},
 * {@code eventName}, {@code eventVersion} 1.1, {@code eventSource} {@code aws:dynamodb},
 * {@code awsRegion}, {@code dynamodb} with {@code ApproximateCreationDateTime} (epoch seconds),
 * {@code Keys}, {@code NewImage} and {@code OldImage} as the view type has them (typed, such as
 * {@code {"S":"o-1"}}), {@code SequenceNumber}, {@code SizeBytes}, {@code StreamViewType}, and
 * {@code eventSourceARN}. A partial batch response names records by
 * {@code dynamodb.SequenceNumber}.
 *
 * <p>Thread-safe. Always {@link #close()} it. Reading a real stream needs
 * {@code software.amazon.awssdk:dynamodb} and {@code url-connection-client} on the test class path.
 *
 * <pre>{@code
 * try (DynamoDbStreamEventSource changes = DynamoDbStreamEventSource.builder()
 *     .dynamoDbLocal(dynamo, table.latestStreamArn())
 *     .function(lambda)
 *     .start()) {
 *   client.putItem(...);
 *   changes.awaitIdle(Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class DynamoDbStreamEventSource extends StreamEventSource {

  /** Which images a stream record carries, as the table's {@code StreamViewType} says. */
  public enum StreamViewType {
    /** Only the key attributes. */
    KEYS_ONLY,
    /** The item after the change. */
    NEW_IMAGE,
    /** The item before the change. */
    OLD_IMAGE,
    /** Both. */
    NEW_AND_OLD_IMAGES
  }

  private static final BigInteger FIRST_SEQUENCE = new BigInteger("100000000000000000000");
  private static final String SHARD = "shardId-00000001796119200000-0a1b2c3d";

  private final InMemoryShards memory;
  private final DynamoDbStreamsReader real;
  private final String streamArn;
  private final StreamViewType viewType;

  /** One counter for the JVM: sequence numbers differ between streams, as on DynamoDB. */
  private static final AtomicLong COUNTER = new AtomicLong();

  private DynamoDbStreamEventSource(
      Builder b,
      ShardReader reader,
      InMemoryShards memory,
      DynamoDbStreamsReader real,
      String streamArn) {
    super(b, reader);
    this.memory = memory;
    this.real = real;
    this.streamArn = streamArn;
    this.viewType = b.viewType;
  }

  /** A builder; {@link Builder#function} is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String eventSourceArn() {
    return streamArn;
  }

  /** The in-memory shard's id; the real stream's shards are DynamoDB's. */
  public static String inMemoryShardId() {
    return SHARD;
  }

  /**
   * Puts an {@code INSERT} on the in-memory shard. Values are plain Java: strings, numbers,
   * booleans, {@code null}, {@code byte[]}, maps, lists and sets of strings or numbers, converted
   * to DynamoDB's typed JSON.
   *
   * @param keys the item's key attributes
   * @param newImage the whole item after the change
   * @return the record's sequence number
   * @throws IllegalStateException if the source reads a real stream (write to the table instead)
   */
  public String insert(Map<String, ?> keys, Map<String, ?> newImage) {
    return put("INSERT", keys, null, Objects.requireNonNull(newImage, "newImage"));
  }

  /** Puts a {@code MODIFY}; see {@link #insert(Map, Map)}. */
  public String modify(Map<String, ?> keys, Map<String, ?> oldImage, Map<String, ?> newImage) {
    return put(
        "MODIFY",
        keys,
        Objects.requireNonNull(oldImage, "oldImage"),
        Objects.requireNonNull(newImage, "newImage"));
  }

  /** Puts a {@code REMOVE}; see {@link #insert(Map, Map)}. */
  public String remove(Map<String, ?> keys, Map<String, ?> oldImage) {
    return put("REMOVE", keys, Objects.requireNonNull(oldImage, "oldImage"), null);
  }

  private String put(
      String eventName, Map<String, ?> keys, Map<String, ?> oldImage, Map<String, ?> newImage) {
    Objects.requireNonNull(keys, "keys");
    if (memory == null) {
      throw new IllegalStateException(
          "["
              + streamArn
              + "] is a real table's stream: write to the "
              + "table and its stream carries the change");
    }
    String sequence;
    synchronized (memory) {
      BigInteger position = FIRST_SEQUENCE.add(BigInteger.valueOf(COUNTER.incrementAndGet() * 100));
      sequence = position.toString();
      Instant arrival = clock.instant();
      ObjectNode record = JSON.createObjectNode();
      record.put("eventID", UUID.randomUUID().toString().replace("-", ""));
      record.put("eventName", eventName);
      record.put("eventVersion", "1.1");
      record.put("eventSource", "aws:dynamodb");
      record.put("awsRegion", region);
      ObjectNode dynamodb = record.putObject("dynamodb");
      dynamodb.put("ApproximateCreationDateTime", arrival.getEpochSecond());
      ObjectNode typedKeys = item(keys);
      dynamodb.set("Keys", typedKeys);
      int size = typedKeys.toString().length();
      if (newImage != null
          && (viewType == StreamViewType.NEW_IMAGE
              || viewType == StreamViewType.NEW_AND_OLD_IMAGES)) {
        ObjectNode image = item(newImage);
        dynamodb.set("NewImage", image);
        size += image.toString().length();
      }
      if (oldImage != null
          && (viewType == StreamViewType.OLD_IMAGE
              || viewType == StreamViewType.NEW_AND_OLD_IMAGES)) {
        ObjectNode image = item(oldImage);
        dynamodb.set("OldImage", image);
        size += image.toString().length();
      }
      dynamodb.put("SequenceNumber", sequence);
      dynamodb.put("SizeBytes", size);
      dynamodb.put("StreamViewType", viewType.name());
      record.put("eventSourceARN", streamArn);
      memory.add(new StreamRecord(SHARD, position, sequence, sequence, arrival, record));
    }
    wake();
    return sequence;
  }

  private static ObjectNode item(Map<String, ?> item) {
    ObjectNode out = JSON.createObjectNode();
    item.forEach((name, value) -> out.set(name, typed(name, value)));
    return out;
  }

  private static ObjectNode typed(String name, Object value) {
    ObjectNode out = JSON.createObjectNode();
    if (value == null) {
      out.put("NULL", true);
    } else if (value instanceof String s) {
      out.put("S", s);
    } else if (value instanceof Number n) {
      out.put("N", n.toString());
    } else if (value instanceof Boolean b) {
      out.put("BOOL", b);
    } else if (value instanceof byte[] bytes) {
      out.put("B", Base64.getEncoder().encodeToString(bytes));
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode m = out.putObject("M");
      map.forEach((k, v) -> m.set(String.valueOf(k), typed(name + "." + k, v)));
    } else if (value instanceof Set<?> set && !set.isEmpty()) {
      boolean numbers = set.stream().allMatch(Number.class::isInstance);
      boolean strings = set.stream().allMatch(String.class::isInstance);
      if (!numbers && !strings) {
        throw new IllegalArgumentException(
            "[" + name + "] is a set of neither only strings nor " + "only numbers");
      }
      ArrayNode array = out.putArray(numbers ? "NS" : "SS");
      set.forEach(v -> array.add(v.toString()));
    } else if (value instanceof Collection<?> list && !(value instanceof Set)) {
      ArrayNode l = out.putArray("L");
      int i = 0;
      for (Object v : list) {
        l.add(typed(name + "[" + i++ + "]", v));
      }
    } else {
      throw new IllegalArgumentException(
          "["
              + name
              + "] has a value DynamoDB cannot hold: "
              + value.getClass().getName()
              + " (use String, Number, Boolean, byte[], Map, List, a "
              + "non-empty Set of strings or numbers, or null)");
    }
    return out;
  }

  @Override
  String batchInfoName() {
    return "DDBStreamBatchInfo";
  }

  @Override
  public void close() {
    super.close();
    if (real != null) {
      real.close();
    }
  }

  @Override
  public String toString() {
    return "DynamoDbStreamEventSource[" + streamArn + "]";
  }

  /** Configures and starts a {@link DynamoDbStreamEventSource}. Not thread-safe. */
  public static final class Builder extends Settings<Builder> {
    private URI endpoint;
    private String realStreamArn;
    private String tableName = "table";
    private StreamViewType viewType = StreamViewType.NEW_AND_OLD_IMAGES;
    private String accessKeyId = "lamina";

    private Builder() {}

    /**
     * For a real stream: the access key id to read it with; default {@code lamina}. DynamoDB
     * Local (without {@code -sharedDb}) keeps one database per access key id and region, so use
     * the key and {@link #region(String)} the table was created with.
     */
    public Builder accessKeyId(String accessKeyId) {
      this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
      return this;
    }

    /**
     * Reads the stream {@code streamArn} of a table in this DynamoDB Local, with
     * {@link #accessKeyId(String)} in {@link #region(String)}: the ones the table was created with.
     */
    public Builder dynamoDbLocal(DynamoDbLocal dynamo, String streamArn) {
      return streamEndpoint(Objects.requireNonNull(dynamo, "dynamo").endpoint(), streamArn);
    }

    /** Reads the stream {@code streamArn} from this DynamoDB Streams endpoint. */
    public Builder streamEndpoint(URI endpoint, String streamArn) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      this.realStreamArn = Objects.requireNonNull(streamArn, "streamArn");
      return this;
    }

    /** For the in-memory shard: the table in the stream's ARN; default {@code table}. */
    public Builder tableName(String tableName) {
      this.tableName = Objects.requireNonNull(tableName, "tableName");
      return this;
    }

    /** For the in-memory shard: which images records carry; default NEW_AND_OLD_IMAGES. */
    public Builder streamViewType(StreamViewType viewType) {
      this.viewType = Objects.requireNonNull(viewType, "viewType");
      return this;
    }

    /**
     * Validates the settings and starts polling.
     *
     * @throws IllegalArgumentException naming every bad setting
     */
    public DynamoDbStreamEventSource start() {
      List<String> problems = new ArrayList<>();
      validate(problems, 10_000);
      check("DynamoDbStreamEventSource", problems);
      DynamoDbStreamEventSource source;
      if (endpoint != null) {
        SdkPresence.require(
            "software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient",
            "software.amazon.awssdk:dynamodb, software.amazon.awssdk:url-connection-client",
            "Reading a real DynamoDB stream");
        DynamoDbStreamsReader reader =
            new DynamoDbStreamsReader(endpoint, region, accessKeyId, realStreamArn);
        source = new DynamoDbStreamEventSource(this, reader, null, reader, realStreamArn);
      } else {
        InMemoryShards memory = new InMemoryShards(List.of(SHARD));
        String arn =
            "arn:aws:dynamodb:"
                + region
                + ":"
                + accountId
                + ":table/"
                + tableName
                + "/stream/2026-12-01T10:00:00.000";
        source = new DynamoDbStreamEventSource(this, memory, memory, null, arn);
      }
      source.startPolling(realStreamArn != null ? "dynamodb" : tableName, this);
      return source;
    }
  }
}
