package dev.lamina.batch;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.lamina.core.Invocation;
import dev.lamina.core.codec.Codecs;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.test.FakeContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Events as the event source mappings deliver them, built or read from real fixtures. */
final class Batches {
  static final PayloadCodec CODEC = Codecs.standard();
  static final String STANDARD_QUEUE = "arn:aws:sqs:eu-west-1:123456789012:orders";
  static final String FIFO_QUEUE = "arn:aws:sqs:eu-west-1:123456789012:orders.fifo";

  private Batches() {}

  static <E> E fixture(String file, Class<E> type) {
    try (InputStream in = Batches.class.getResourceAsStream("/events/" + file)) {
      return CODEC.read(in.readAllBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Invocation invocation() {
    return new Invocation(
        FakeContext.builder().timeout(Duration.ofMinutes(5)).build(), Clock.systemUTC(), false);
  }

  /** An SQS message, as Lambda delivers it. */
  static SQSEvent.SQSMessage message(
      String id, String body, String queueArn, String group, int receiveCount) {
    SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
    m.setMessageId(id);
    m.setReceiptHandle("handle-" + id + "-" + receiveCount);
    m.setBody(body);
    m.setEventSource("aws:sqs");
    m.setEventSourceArn(queueArn);
    m.setAwsRegion("eu-west-1");
    Map<String, String> attributes = new HashMap<>();
    attributes.put("ApproximateReceiveCount", Integer.toString(receiveCount));
    attributes.put("SentTimestamp", "1764590400000");
    if (group != null) {
      attributes.put("MessageGroupId", group);
      attributes.put("SequenceNumber", "1862" + id.hashCode());
      attributes.put("MessageDeduplicationId", "dedup-" + id);
    }
    m.setAttributes(attributes);
    m.setMessageAttributes(Map.of());
    return m;
  }

  static SQSEvent sqs(List<SQSEvent.SQSMessage> messages) {
    SQSEvent event = new SQSEvent();
    event.setRecords(new ArrayList<>(messages));
    return event;
  }

  /** A Kinesis record with a sequence number and a partition key. */
  static KinesisEvent.KinesisEventRecord kinesis(
      String sequence, String partitionKey, String data) {
    KinesisEvent.Record k = new KinesisEvent.Record();
    k.setSequenceNumber(sequence);
    k.setPartitionKey(partitionKey);
    k.setData(ByteBuffer.wrap(data.getBytes(StandardCharsets.UTF_8)));
    KinesisEvent.KinesisEventRecord r = new KinesisEvent.KinesisEventRecord();
    r.setKinesis(k);
    r.setEventID("shardId-000000000007:" + sequence);
    r.setEventSource("aws:kinesis");
    r.setEventSourceARN("arn:aws:kinesis:eu-west-1:123456789012:stream/orders");
    return r;
  }

  static KinesisEvent kinesis(List<KinesisEvent.KinesisEventRecord> records) {
    KinesisEvent event = new KinesisEvent();
    event.setRecords(new ArrayList<>(records));
    return event;
  }

  /** A DynamoDB stream record; {@code sequence} may be null. */
  static DynamodbEvent.DynamodbStreamRecord dynamo(String sequence, String id, String message) {
    StreamRecord change = new StreamRecord();
    change.setSequenceNumber(sequence);
    change.setKeys(Map.of("Id", new AttributeValue().withN(id)));
    Map<String, AttributeValue> image = new LinkedHashMap<>();
    image.put("Id", new AttributeValue().withN(id));
    image.put("Message", new AttributeValue().withS(message));
    change.setNewImage(image);
    DynamodbEvent.DynamodbStreamRecord r = new DynamodbEvent.DynamodbStreamRecord();
    r.setDynamodb(change);
    r.setEventID("event-" + sequence);
    r.setEventName("INSERT");
    r.setEventSource("aws:dynamodb");
    return r;
  }

  static DynamodbEvent dynamo(List<DynamodbEvent.DynamodbStreamRecord> records) {
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(new ArrayList<>(records));
    return event;
  }

  /** A Kafka record of {@code topic-partition} at {@code offset} with a text value. */
  static KafkaEvent.KafkaEventRecord kafka(String topic, int partition, long offset, String value) {
    return new KafkaEvent.KafkaEventRecord(
        topic,
        partition,
        offset,
        1764590400000L,
        "CREATE_TIME",
        null,
        java.util.Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)),
        List.of(),
        null,
        null);
  }

  static KafkaEvent kafka(Map<String, List<KafkaEvent.KafkaEventRecord>> partitions) {
    KafkaEvent event = new KafkaEvent();
    event.setEventSource("aws:kafka");
    event.setRecords(new LinkedHashMap<>(partitions));
    return event;
  }

  /** The identifiers a response reports, in order. */
  static List<Object> reported(Object response) {
    List<Object> ids = new ArrayList<>();
    if (response instanceof com.amazonaws.services.lambda.runtime.events.SQSBatchResponse) {
      ((com.amazonaws.services.lambda.runtime.events.SQSBatchResponse) response)
          .getBatchItemFailures()
          .forEach(f -> ids.add(f.getItemIdentifier()));
    } else if (response
        instanceof com.amazonaws.services.lambda.runtime.events.StreamsEventResponse) {
      ((com.amazonaws.services.lambda.runtime.events.StreamsEventResponse) response)
          .getBatchItemFailures()
          .forEach(f -> ids.add(f.getItemIdentifier()));
    } else if (response instanceof KafkaBatchResponse) {
      ((KafkaBatchResponse) response).batchItemFailures().forEach(f -> ids.add(f.itemIdentifier()));
    } else {
      ((com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse) response)
          .getBatchItemFailures()
          .forEach(f -> ids.add(f.getItemIdentifier()));
    }
    return ids;
  }
}
