package dev.lamina.batch;

import dev.lamina.core.Invocation;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One record's context: the identifier Lamina reports if it fails, its attempt number where the
 * source counts attempts, the source's metadata, the invocation (for remaining time), and, for
 * tumbling windows, the window's state. Immutable, except the window state, which is shared by the
 * records of one invocation and safe for concurrent use.
 *
 * <p>While the record handler runs, the log context (MDC) carries {@value #LOG_RECORD_ID} and
 * {@value #LOG_EVENT_SOURCE}; anything the handler adds to the MDC is removed when the record ends.
 *
 * <p>Lamina creates contexts; tests of record handlers can build one with {@link #builder}.
 *
 * <pre>{@code
 * public void handle(Order order, RecordContext context) {
 *   if (context.attempt().orElse(1) > 3) { ... }     // SQS ApproximateReceiveCount
 *   context.invocation().checkRemainingTime();
 * }
 * }</pre>
 */
public final class RecordContext {
  /** The log field holding the record's identifier while its handler runs. */
  public static final String LOG_RECORD_ID = "record_id";

  /** The log field holding the record's event source, such as {@code aws:sqs}. */
  public static final String LOG_EVENT_SOURCE = "record_event_source";

  private final String recordId;
  private final String eventSource;
  private final Integer attempt;
  private final String messageGroupId;
  private final String partitionKey;
  private final String shardId;
  private final String eventName;
  private final Map<String, String> attributes;
  private final Object sourceRecord;
  private final Invocation invocation;
  private final Map<String, String> windowState;

  private RecordContext(Builder b) {
    this.recordId = b.recordId;
    this.eventSource = b.eventSource;
    this.attempt = b.attempt;
    this.messageGroupId = b.messageGroupId;
    this.partitionKey = b.partitionKey;
    this.shardId = b.shardId;
    this.eventName = b.eventName;
    this.attributes = b.attributes == null ? Map.of() : Map.copyOf(b.attributes);
    this.sourceRecord = b.sourceRecord;
    this.invocation = b.invocation;
    this.windowState = b.windowState;
  }

  /**
   * A builder, for Lamina and for tests of record handlers.
   *
   * @param recordId the record's identifier; not {@code null}
   * @param invocation the invocation; not {@code null}
   */
  public static Builder builder(String recordId, Invocation invocation) {
    return new Builder(recordId, invocation);
  }

  /**
   * The identifier Lamina reports if this record fails: the SQS {@code messageId}, the Kinesis or
   * DynamoDB Streams sequence number, or {@code <topic-partition>:<offset>} for Kafka. Never
   * {@code null}.
   */
  public String recordId() {
    return recordId;
  }

  /** The event source, such as {@code aws:sqs}, {@code aws:kinesis}, {@code aws:dynamodb}. */
  public String eventSource() {
    return eventSource;
  }

  /** Which delivery this is, where the source counts them (SQS {@code ApproximateReceiveCount}). */
  public OptionalInt attempt() {
    return attempt == null ? OptionalInt.empty() : OptionalInt.of(attempt);
  }

  /** The SQS FIFO message group. */
  public Optional<String> messageGroupId() {
    return Optional.ofNullable(messageGroupId);
  }

  /** The Kinesis partition key, or the Kafka record key (base64, as Lambda delivers it). */
  public Optional<String> partitionKey() {
    return Optional.ofNullable(partitionKey);
  }

  /** The Kinesis or DynamoDB Streams shard, from the record's event id. */
  public Optional<String> shardId() {
    return Optional.ofNullable(shardId);
  }

  /** The DynamoDB Streams event name: {@code INSERT}, {@code MODIFY} or {@code REMOVE}. */
  public Optional<String> eventName() {
    return Optional.ofNullable(eventName);
  }

  /**
   * The source's attributes: SQS message attributes (string values) and system attributes, or
   * Kafka headers decoded as UTF-8. Never {@code null}; immutable.
   */
  public Map<String, String> attributes() {
    return attributes;
  }

  /** The record as Lambda delivered it ({@code SQSMessage}, {@code KinesisEventRecord}, ...). */
  public Object sourceRecord() {
    return sourceRecord;
  }

  /** The invocation: remaining time, request id, attributes. Never {@code null}. */
  public Invocation invocation() {
    return invocation;
  }

  /**
   * The tumbling window's state (Kinesis and DynamoDB Streams windows): starts as the state
   * Lambda sent; what the handlers leave in it is returned to Lambda as the new state. Empty and
   * unused for other batches. Thread-safe.
   */
  public Map<String, String> windowState() {
    return windowState == null ? Map.of() : windowState;
  }

  @Override
  public String toString() {
    return "RecordContext[" + recordId + "]";
  }

  /** Builds a {@link RecordContext}. Not thread-safe. */
  public static final class Builder {
    private final String recordId;
    private final Invocation invocation;
    private String eventSource;
    private Integer attempt;
    private String messageGroupId;
    private String partitionKey;
    private String shardId;
    private String eventName;
    private Map<String, String> attributes;
    private Object sourceRecord;
    private Map<String, String> windowState;

    private Builder(String recordId, Invocation invocation) {
      this.recordId = Objects.requireNonNull(recordId, "recordId");
      this.invocation = Objects.requireNonNull(invocation, "invocation");
    }

    /** The event source. */
    public Builder eventSource(String source) {
      this.eventSource = source;
      return this;
    }

    /** The delivery count; {@code null} if the source has none. */
    public Builder attempt(Integer count) {
      this.attempt = count;
      return this;
    }

    /** The FIFO message group. */
    public Builder messageGroupId(String group) {
      this.messageGroupId = group;
      return this;
    }

    /** The partition key. */
    public Builder partitionKey(String key) {
      this.partitionKey = key;
      return this;
    }

    /** The shard. */
    public Builder shardId(String shard) {
      this.shardId = shard;
      return this;
    }

    /** The DynamoDB Streams event name. */
    public Builder eventName(String name) {
      this.eventName = name;
      return this;
    }

    /** The attributes; copied. */
    public Builder attributes(Map<String, String> values) {
      this.attributes = values;
      return this;
    }

    /** The record as delivered. */
    public Builder sourceRecord(Object record) {
      this.sourceRecord = record;
      return this;
    }

    /** The window state, shared (not copied): handlers update it. */
    public Builder windowState(Map<String, String> state) {
      this.windowState = state;
      return this;
    }

    /** The context. */
    public RecordContext build() {
      return new RecordContext(this);
    }
  }
}
