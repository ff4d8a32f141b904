package dev.lamina.test.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory Kinesis data stream that a test fills, wired to a function by a local event source
 * mapping with Lambda's checkpoint semantics (see {@link StreamEventSource}). Records go to a
 * shard by the MD5 hash of their partition key, as on Kinesis, get increasing 56-digit sequence
 * numbers, and reach the function as the {@code KinesisEvent} JSON Lambda sends (base64
 * {@code data}, {@code approximateArrivalTimestamp} in epoch seconds, {@code eventID} =
 * {@code shardId:sequenceNumber}). A partial batch response names records by
 * {@code kinesis.sequenceNumber}.
 *
 * <p>Thread-safe. Always {@link #close()} it.
 *
 * <pre>{@code
 * try (KinesisEventSource clicks = KinesisEventSource.builder()
 *     .streamName("clicks")
 *     .function(lambda)
 *     .bisectBatchOnFunctionError(true)
 *     .maximumRetryAttempts(2)
 *     .start()) {
 *   String seq = clicks.putRecord("u-1", "{\"userId\":\"u-1\",\"page\":\"/tea\"}");
 *   clicks.awaitIdle(Duration.ofSeconds(30));
 *   assertEquals(Optional.of(seq), clicks.checkpoint(clicks.shardIds().get(0)));
 * }
 * }</pre>
 */
public final class KinesisEventSource extends StreamEventSource {

  /** The first stream's first sequence number; later ones are larger, as on Kinesis. */
  static final BigInteger FIRST_SEQUENCE =
      new BigInteger("49590338271490256608559692538361571095921575989136588898");

  private static final BigInteger STEP = BigInteger.TEN.pow(20);
  private static final BigInteger HASH_SPACE = BigInteger.ONE.shiftLeft(128);

  /** Sets streams of one JVM apart: like Kinesis's, sequence numbers differ between streams. */
  private static final BigInteger STREAM_STEP = BigInteger.TEN.pow(40);

  private static final AtomicLong STREAMS = new AtomicLong();

  private final InMemoryShards shards;
  private final List<String> shardIds;
  private final String streamArn;
  private final String invokeIdentityArn;
  private final AtomicLong counter = new AtomicLong();
  private final BigInteger firstSequence =
      FIRST_SEQUENCE.add(STREAM_STEP.multiply(BigInteger.valueOf(STREAMS.getAndIncrement())));

  private KinesisEventSource(Builder b, InMemoryShards shards, List<String> shardIds) {
    super(b, shards);
    this.shards = shards;
    this.shardIds = shardIds;
    this.streamArn = "arn:aws:kinesis:" + b.region + ":" + b.accountId + ":stream/" + b.streamName;
    this.invokeIdentityArn =
        b.invokeIdentityArn != null
            ? b.invokeIdentityArn
            : "arn:aws:iam::" + b.accountId + ":role/" + b.functionName + "-role";
  }

  /** A builder; {@link Builder#function} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The shard ids, {@code shardId-000000000000} and on. */
  public List<String> shardIds() {
    return shardIds;
  }

  @Override
  public String eventSourceArn() {
    return streamArn;
  }

  /** Puts a record with UTF-8 {@code data}; see {@link #putRecord(String, byte[])}. */
  public String putRecord(String partitionKey, String data) {
    return putRecord(partitionKey, data.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Puts a record on the shard its partition key hashes to, arriving now on the mapping's clock,
   * and wakes the poller.
   *
   * @return its sequence number, as {@code kinesis.sequenceNumber} will carry it
   */
  public String putRecord(String partitionKey, byte[] data) {
    Objects.requireNonNull(partitionKey, "partitionKey");
    Objects.requireNonNull(data, "data");
    if (partitionKey.isEmpty() || partitionKey.length() > 256) {
      throw new IllegalArgumentException(
          "[partitionKey] must be 1 to 256 characters, was " + partitionKey.length());
    }
    String shardId = shardIds.get(shardIndex(partitionKey));
    String sequence;
    synchronized (shards) {
      BigInteger position =
          firstSequence.add(STEP.multiply(BigInteger.valueOf(counter.getAndIncrement())));
      sequence = position.toString();
      Instant arrival = clock.instant();
      ObjectNode kinesis = JSON.createObjectNode();
      kinesis.put("kinesisSchemaVersion", "1.0");
      kinesis.put("partitionKey", partitionKey);
      kinesis.put("sequenceNumber", sequence);
      kinesis.put("data", Base64.getEncoder().encodeToString(data));
      kinesis.put(
          "approximateArrivalTimestamp",
          BigDecimal.valueOf(arrival.toEpochMilli()).movePointLeft(3));
      ObjectNode record = JSON.createObjectNode();
      record.set("kinesis", kinesis);
      record.put("eventSource", "aws:kinesis");
      record.put("eventVersion", "1.0");
      record.put("eventID", shardId + ":" + sequence);
      record.put("eventName", "aws:kinesis:record");
      record.put("invokeIdentityArn", invokeIdentityArn);
      record.put("awsRegion", region);
      record.put("eventSourceARN", streamArn);
      shards.add(new StreamRecord(shardId, position, sequence, sequence, arrival, record));
    }
    wake();
    return sequence;
  }

  private int shardIndex(String partitionKey) {
    try {
      BigInteger hash =
          new BigInteger(
              1,
              MessageDigest.getInstance("MD5")
                  .digest(partitionKey.getBytes(StandardCharsets.UTF_8)));
      return hash.multiply(BigInteger.valueOf(shardIds.size())).divide(HASH_SPACE).intValue();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }

  @Override
  String batchInfoName() {
    return "KinesisBatchInfo";
  }

  @Override
  public String toString() {
    return "KinesisEventSource[" + streamArn + "]";
  }

  /** Configures and starts a {@link KinesisEventSource}. Not thread-safe. */
  public static final class Builder extends Settings<Builder> {
    private String streamName = "stream";
    private int shardCount = 1;
    private String invokeIdentityArn;

    private Builder() {}

    /** The stream's name, in its ARN; default {@code stream}. */
    public Builder streamName(String streamName) {
      this.streamName = Objects.requireNonNull(streamName, "streamName");
      return this;
    }

    /** How many shards, 1 to 100; default 1. Each is processed in order, one batch at a time. */
    public Builder shardCount(int shardCount) {
      this.shardCount = shardCount;
      return this;
    }

    /** The records' {@code invokeIdentityArn}; default the function's role ARN. */
    public Builder invokeIdentityArn(String arn) {
      this.invokeIdentityArn = Objects.requireNonNull(arn, "arn");
      return this;
    }

    /**
     * Validates the settings and starts polling.
     *
     * @throws IllegalArgumentException naming every bad setting
     */
    public KinesisEventSource start() {
      List<String> problems = new ArrayList<>();
      validate(problems, 10_000);
      if (shardCount < 1 || shardCount > 100) {
        problems.add("[shardCount] must be 1 to 100, was " + shardCount);
      }
      if (!streamName.matches("[a-zA-Z0-9_.-]{1,128}")) {
        problems.add(
            "[streamName] must be 1 to 128 of a-z, A-Z, 0-9, _ . -, was [" + streamName + "]");
      }
      check("KinesisEventSource", problems);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < shardCount; i++) {
        ids.add(String.format("shardId-%012d", i));
      }
      KinesisEventSource source =
          new KinesisEventSource(this, new InMemoryShards(ids), List.copyOf(ids));
      source.startPolling(streamName, this);
      return source;
    }
  }
}
