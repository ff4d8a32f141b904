package dev.lamina.test.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a real table's stream (DynamoDB Local's, or any Streams endpoint) with the real
 * {@code DynamoDbStreamsClient}: {@code DescribeStream} for the shards, {@code GetShardIterator}
 * ({@code TRIM_HORIZON}, then {@code AFTER_SEQUENCE_NUMBER} the checkpoint) and
 * {@code GetRecords}, as Lambda's poller does. Thread-safe; owns its client.
 */
final class DynamoDbStreamsReader implements ShardReader, AutoCloseable {

  private final DynamoDbStreamsClient client;
  private final String streamArn;

  DynamoDbStreamsReader(URI endpoint, String region, String accessKeyId, String streamArn) {
    this.client =
        DynamoDbStreamsClient.builder()
            .endpointOverride(endpoint)
            .region(Region.of(region))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "lamina")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    this.streamArn = streamArn;
  }

  @Override
  public List<String> shardIds() {
    List<String> ids = new ArrayList<>();
    String last = null;
    do {
      String start = last;
      var description =
          client
              .describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(start))
              .streamDescription();
      description.shards().stream().map(Shard::shardId).forEach(ids::add);
      last = description.lastEvaluatedShardId();
    } while (last != null);
    return ids;
  }

  @Override
  public List<dev.lamina.test.stream.StreamRecord> read(
      String shardId, String checkpoint, int max) {
    String iterator =
        client
            .getShardIterator(
                r -> {
                  r.streamArn(streamArn).shardId(shardId);
                  if (checkpoint == null) {
                    r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                  } else {
                    r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                        .sequenceNumber(checkpoint);
                  }
                })
            .shardIterator();
    List<dev.lamina.test.stream.StreamRecord> out = new ArrayList<>();
    for (int page = 0; page < 10 && iterator != null && out.size() < max; page++) {
      String it = iterator;
      int limit = Math.min(1000, max - out.size());
      GetRecordsResponse response = client.getRecords(r -> r.shardIterator(it).limit(limit));
      response.records().forEach(r -> out.add(convert(shardId, r)));
      if (response.records().isEmpty()) {
        break;
      }
      iterator = response.nextShardIterator();
    }
    return out;
  }

  /** A stream record as Lambda puts it in a {@code DynamodbEvent}. */
  private dev.lamina.test.stream.StreamRecord convert(String shardId, Record record) {
    StreamRecord data = record.dynamodb();
    ObjectNode json = StreamEventSource.JSON.createObjectNode();
    json.put("eventID", record.eventID());
    json.put("eventName", record.eventNameAsString());
    json.put("eventVersion", record.eventVersion());
    json.put("eventSource", record.eventSource());
    json.put("awsRegion", record.awsRegion());
    ObjectNode dynamodb = json.putObject("dynamodb");
    Instant created = data.approximateCreationDateTime();
    if (created != null) {
      dynamodb.put("ApproximateCreationDateTime", created.getEpochSecond());
    }
    if (data.hasKeys()) {
      dynamodb.set("Keys", item(data.keys()));
    }
    if (data.hasNewImage()) {
      dynamodb.set("NewImage", item(data.newImage()));
    }
    if (data.hasOldImage()) {
      dynamodb.set("OldImage", item(data.oldImage()));
    }
    dynamodb.put("SequenceNumber", data.sequenceNumber());
    if (data.sizeBytes() != null) {
      dynamodb.put("SizeBytes", data.sizeBytes());
    }
    dynamodb.put("StreamViewType", data.streamViewTypeAsString());
    if (record.userIdentity() != null) {
      ObjectNode identity = json.putObject("userIdentity");
      identity.put("type", record.userIdentity().type());
      identity.put("principalId", record.userIdentity().principalId());
    }
    json.put("eventSourceARN", streamArn);
    return new dev.lamina.test.stream.StreamRecord(
        shardId,
        new BigInteger(data.sequenceNumber()),
        data.sequenceNumber(),
        data.sequenceNumber(),
        created != null ? created : Instant.now(),
        json);
  }

  private static ObjectNode item(Map<String, AttributeValue> item) {
    ObjectNode out = StreamEventSource.JSON.createObjectNode();
    item.forEach((name, value) -> out.set(name, value(value)));
    return out;
  }

  private static ObjectNode value(AttributeValue v) {
    ObjectNode out = StreamEventSource.JSON.createObjectNode();
    switch (v.type()) {
      case S -> out.put("S", v.s());
      case N -> out.put("N", v.n());
      case B -> out.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
      case BOOL -> out.put("BOOL", v.bool());
      case NUL -> out.put("NULL", true);
      case SS -> strings(out.putArray("SS"), v.ss());
      case NS -> strings(out.putArray("NS"), v.ns());
      case BS ->
          strings(
              out.putArray("BS"),
              v.bs().stream()
                  .map(b -> Base64.getEncoder().encodeToString(b.asByteArray()))
                  .collect(Collectors.toList()));
      case M -> out.set("M", item(v.m()));
      case L -> {
        ArrayNode list = out.putArray("L");
        v.l().forEach(e -> list.add(value(e)));
      }
      default -> throw new IllegalStateException("Unknown attribute type [" + v.type() + "]");
    }
    return out;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  @Override
  public void close() {
    client.close();
  }
}
