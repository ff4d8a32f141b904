package dev.lamina.batch.internal;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent.KafkaEventRecord;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.lamina.batch.BatchConfig;
import dev.lamina.batch.KafkaBatchResponse;
import dev.lamina.batch.RecordContext;
import dev.lamina.batch.StreamMode;
import dev.lamina.core.Invocation;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stream sources: Kinesis and DynamoDB Streams (sequence numbers, reported in a {@code
 * StreamsEventResponse}, or a {@code TimeWindowEventResponse} with the window's state for
 * tumbling windows) and Kafka (offsets per topic-partition, reported in a {@link
 * KafkaBatchResponse}).
 */
public final class StreamSources {
  private StreamSources() {}

  static BigInteger sequence(String number) {
    if (number == null || number.isEmpty()) {
      return null;
    }
    try {
      return new BigInteger(number);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * What Kinesis and DynamoDB Streams share: sequence numbers reported in a {@code
   * StreamsEventResponse}, or a {@code TimeWindowEventResponse} carrying the window's state.
   */
  abstract static class SequencedSource<E> implements RecordSource<E> {
    @Override
    public Ordering ordering(E event, BatchConfig config) {
      return config.streamMode() == StreamMode.CONTINUE
          ? Ordering.STREAM_CONTINUE
          : Ordering.STREAM_STOP;
    }

    @Override
    public Object response(List<SourceRecord> failed, Map<String, String> windowState) {
      if (windowState != null) {
        List<TimeWindowEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SourceRecord r : failed) {
          failures.add(new TimeWindowEventResponse.BatchItemFailure((String) r.reported()));
        }
        return new TimeWindowEventResponse(new LinkedHashMap<>(windowState), failures);
      }
      List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
      for (SourceRecord r : failed) {
        failures.add(new StreamsEventResponse.BatchItemFailure((String) r.reported()));
      }
      return new StreamsEventResponse(failures);
    }

    @Override
    public List<Object> reportedIdentifiers(Object response) {
      List<Object> ids = new ArrayList<>();
      if (response instanceof TimeWindowEventResponse) {
        for (TimeWindowEventResponse.BatchItemFailure f :
            ((TimeWindowEventResponse) response).getBatchItemFailures()) {
          ids.add(f.getItemIdentifier());
        }
      } else {
        for (StreamsEventResponse.BatchItemFailure f :
            ((StreamsEventResponse) response).getBatchItemFailures()) {
          ids.add(f.getItemIdentifier());
        }
      }
      return ids;
    }
  }

  /** Kinesis Data Streams, and its tumbling windows. */
  public static final class Kinesis extends SequencedSource<KinesisEvent> {
    @Override
    public String name() {
      return "Kinesis";
    }

    @Override
    public List<SourceRecord> records(
        KinesisEvent event, Invocation invocation, Map<String, String> windowState) {
      List<KinesisEventRecord> in =
          event == null || event.getRecords() == null ? List.of() : event.getRecords();
      List<SourceRecord> records = new ArrayList<>(in.size());
      for (int i = 0; i < in.size(); i++) {
        KinesisEventRecord r = in.get(i);
        KinesisEvent.Record k = r.getKinesis();
        String sequenceNumber = k == null ? null : k.getSequenceNumber();
        String partitionKey = k == null ? null : k.getPartitionKey();
        String shard = shardOf(r.getEventID());
        RecordContext context =
            RecordContext.builder(SqsSource.text(sequenceNumber), invocation)
                .eventSource("aws:kinesis")
                .partitionKey(partitionKey)
                .shardId(shard)
                .sourceRecord(r)
                .windowState(windowState)
                .build();
        records.add(
            new SourceRecord(
                i,
                SqsSource.text(sequenceNumber),
                sequenceNumber,
                partitionKey,
                sequence(sequenceNumber),
                () -> bytes(k == null ? null : k.getData()),
                (shard == null ? "" : shard) + ":" + sequenceNumber,
                context));
      }
      return records;
    }

    @Override
    public Map<String, String> windowState(KinesisEvent event) {
      return event instanceof KinesisTimeWindowEvent
          ? state(((KinesisTimeWindowEvent) event).getState())
          : null;
    }
  }

  /** DynamoDB Streams, and its tumbling windows. */
  public static final class Dynamodb extends SequencedSource<DynamodbEvent> {
    @Override
    public String name() {
      return "DynamoDB Streams";
    }

    @Override
    public List<SourceRecord> records(
        DynamodbEvent event, Invocation invocation, Map<String, String> windowState) {
      List<DynamodbStreamRecord> in =
          event == null || event.getRecords() == null ? List.of() : event.getRecords();
      List<SourceRecord> records = new ArrayList<>(in.size());
      for (int i = 0; i < in.size(); i++) {
        DynamodbStreamRecord r = in.get(i);
        var change = r.getDynamodb();
        String sequenceNumber = change == null ? null : change.getSequenceNumber();
        Map<String, AttributeValue> image =
            change == null
                ? null
                : change.getNewImage() != null ? change.getNewImage() : change.getOldImage();
        RecordContext context =
            RecordContext.builder(SqsSource.text(sequenceNumber), invocation)
                .eventSource("aws:dynamodb")
                .eventName(r.getEventName())
                .sourceRecord(r)
                .windowState(windowState)
                .build();
        records.add(
            new SourceRecord(
                i,
                SqsSource.text(sequenceNumber),
                sequenceNumber,
                change == null || change.getKeys() == null ? null : keysOf(change.getKeys()),
                sequence(sequenceNumber),
                () -> image,
                r.getEventID(),
                context));
      }
      return records;
    }

    @Override
    public Map<String, String> windowState(DynamodbEvent event) {
      return event instanceof DynamodbTimeWindowEvent
          ? state(((DynamodbTimeWindowEvent) event).getState())
          : null;
    }

    /** The item's keys as one text, so changes to one item stay in order. */
    private static String keysOf(Map<String, AttributeValue> keys) {
      return new TreeMap<>(keys).toString();
    }
  }

  /** Amazon MSK and self-managed Kafka. */
  public static final class Kafka implements RecordSource<KafkaEvent> {
    @Override
    public String name() {
      return "Kafka";
    }

    @Override
    public List<SourceRecord> records(
        KafkaEvent event, Invocation invocation, Map<String, String> windowState) {
      List<SourceRecord> records = new ArrayList<>();
      if (event == null || event.getRecords() == null) {
        return records;
      }
      for (Map.Entry<String, List<KafkaEventRecord>> partition : event.getRecords().entrySet()) {
        if (partition.getValue() == null) {
          continue;
        }
        for (KafkaEventRecord r : partition.getValue()) {
          String key = partition.getKey();
          String id = key + ":" + r.getOffset();
          RecordContext context =
              RecordContext.builder(id, invocation)
                  .eventSource(event.getEventSource())
                  .partitionKey(r.getKey())
                  .attributes(headers(r.getHeaders()))
                  .sourceRecord(r)
                  .build();
          String value = r.getValue();
          records.add(
              new SourceRecord(
                  records.size(),
                  id,
                  new KafkaBatchResponse.ItemIdentifier(key, r.getOffset()),
                  key,
                  BigInteger.valueOf(r.getOffset()),
                  () -> value == null ? null : Base64.getDecoder().decode(value),
                  r.getTopic() + "-" + r.getPartition() + "-" + r.getOffset(),
                  context));
        }
      }
      return records;
    }

    @Override
    public Ordering ordering(KafkaEvent event, BatchConfig config) {
      return config.streamMode() == StreamMode.CONTINUE
          ? Ordering.PARTITION_CONTINUE
          : Ordering.PARTITION_STOP;
    }

    @Override
    public Object response(List<SourceRecord> failed, Map<String, String> windowState) {
      List<KafkaBatchResponse.Failure> failures = new ArrayList<>();
      for (SourceRecord r : failed) {
        failures.add(
            new KafkaBatchResponse.Failure((KafkaBatchResponse.ItemIdentifier) r.reported()));
      }
      return new KafkaBatchResponse(failures);
    }

    @Override
    public List<Object> reportedIdentifiers(Object response) {
      List<Object> ids = new ArrayList<>();
      for (KafkaBatchResponse.Failure f : ((KafkaBatchResponse) response).batchItemFailures()) {
        ids.add(f.itemIdentifier());
      }
      return ids;
    }

    private static Map<String, String> headers(List<Map<String, byte[]>> headers) {
      Map<String, String> all = new LinkedHashMap<>();
      if (headers != null) {
        for (Map<String, byte[]> header : headers) {
          header.forEach(
              (name, value) ->
                  all.put(name, value == null ? "" : new String(value, StandardCharsets.UTF_8)));
        }
      }
      return all;
    }
  }

  private static Map<String, String> state(Map<String, String> state) {
    return new java.util.concurrent.ConcurrentHashMap<>(state == null ? Map.of() : state);
  }

  private static String shardOf(String eventId) {
    if (eventId == null) {
      return null;
    }
    int colon = eventId.indexOf(':');
    return colon > 0 ? eventId.substring(0, colon) : null;
  }

  private static byte[] bytes(ByteBuffer data) {
    if (data == null) {
      return null;
    }
    ByteBuffer copy = data.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }
}
