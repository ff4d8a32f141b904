package dev.lamina.core.internal.codec.events;

import static dev.lamina.core.internal.codec.events.EventTokens.expect;
import static dev.lamina.core.internal.codec.events.EventTokens.text;
import static dev.lamina.core.internal.codec.events.EventTokens.whole;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent.KafkaEventRecord;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent.SchemaMetadata;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code KafkaEvent} (Amazon MSK and self-managed Kafka) with jackson-core alone, as the
 * runtime's plain mapper reads it: records grouped under {@code records} by topic and partition,
 * each record's key and value kept as the base64 text Lambda sends, each header's value an array
 * of byte values; unknown properties ignored. So a Kafka batch function does not load
 * jackson-databind at cold start. Like {@link SqsEventReader} it reads only the shape Lambda sends
 * and declines anything else (a number as text, a missing partition, a header in base64), which
 * databind then reads with the runtime's rules. {@code EventEquivalenceTest} holds its result to
 * the runtime's, field by field. Stateless.
 */
public final class KafkaEventReader {
  private KafkaEventReader() {}

  /** The event, or {@code null} if the document is not in the plain shape (databind reads it). */
  public static KafkaEvent read(JsonFactory json, byte[] document) {
    try (JsonParser p = json.createParser(document)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      KafkaEvent event = new KafkaEvent();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "eventSource" -> event.setEventSource(text(p));
          case "eventSourceArn" -> event.setEventSourceArn(text(p));
          case "bootstrapServers" -> event.setBootstrapServers(text(p));
          case "records" -> event.setRecords(partitions(p));
          default -> p.skipChildren();
        }
      }
      return p.nextToken() == null ? event : null;
    } catch (IOException e) {
      return null; // declined, or broken JSON: databind reads it and reports the failure
    }
  }

  private static Map<String, List<KafkaEventRecord>> partitions(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_OBJECT);
    Map<String, List<KafkaEventRecord>> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String partition = p.currentName();
      p.nextToken();
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        out.put(partition, null);
        continue;
      }
      expect(p, JsonToken.START_ARRAY);
      List<KafkaEventRecord> records = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        records.add(record(p));
      }
      out.put(partition, records);
    }
    return out;
  }

  private static KafkaEventRecord record(JsonParser p) throws IOException {
    expect(p, JsonToken.START_OBJECT);
    KafkaEventRecord r = new KafkaEventRecord();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "topic" -> r.setTopic(text(p));
        case "partition" ->
            r.setPartition(Math.toIntExact(whole(p, Integer.MIN_VALUE, Integer.MAX_VALUE)));
        case "offset" -> r.setOffset(whole(p, Long.MIN_VALUE, Long.MAX_VALUE));
        case "timestamp" -> r.setTimestamp(whole(p, Long.MIN_VALUE, Long.MAX_VALUE));
        case "timestampType" -> r.setTimestampType(text(p));
        case "key" -> r.setKey(text(p));
        case "value" -> r.setValue(text(p));
        case "headers" -> r.setHeaders(headers(p));
        case "keySchemaMetadata" -> r.setKeySchemaMetadata(schema(p));
        case "valueSchemaMetadata" -> r.setValueSchemaMetadata(schema(p));
        default -> p.skipChildren();
      }
    }
    return r;
  }

  private static List<Map<String, byte[]>> headers(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_ARRAY);
    List<Map<String, byte[]>> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expect(p, JsonToken.START_OBJECT);
      Map<String, byte[]> header = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        header.put(name, bytes(p));
      }
      out.add(header);
    }
    return out;
  }

  /** A header value as Lambda sends it: an array of byte values (0 to 255, or negative). */
  private static byte[] bytes(JsonParser p) throws IOException {
    expect(p, JsonToken.START_ARRAY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.write((int) whole(p, Byte.MIN_VALUE, 255));
    }
    return out.toByteArray();
  }

  private static SchemaMetadata schema(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_OBJECT);
    SchemaMetadata schema = new SchemaMetadata();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "dataFormat" -> schema.setDataFormat(text(p));
        case "schemaId" -> schema.setSchemaId(text(p));
        default -> p.skipChildren();
      }
    }
    return schema;
  }
}
