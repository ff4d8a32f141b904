package dev.lamina.core.internal.codec.events;

import static dev.lamina.core.internal.codec.events.EventTokens.binary;
import static dev.lamina.core.internal.codec.events.EventTokens.date;
import static dev.lamina.core.internal.codec.events.EventTokens.expect;
import static dev.lamina.core.internal.codec.events.EventTokens.text;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code KinesisEvent} with jackson-core alone, as the runtime's event codec reads it
 * ({@code Records}; each record's {@code kinesis} part with its data as base64 and its arrival
 * time as epoch seconds; unknown properties ignored), so a Kinesis batch function does not load
 * jackson-databind at cold start. Like {@link SqsEventReader} it reads only the shape Lambda
 * sends and declines anything that needs the runtime's leniencies, which databind then reads.
 * {@code EventEquivalenceTest} holds its result to the runtime's, field by field. Stateless.
 */
public final class KinesisEventReader {
  private KinesisEventReader() {}

  /** The event, or {@code null} if the document is not in the plain shape (databind reads it). */
  public static KinesisEvent read(JsonFactory json, byte[] document) {
    try (JsonParser p = json.createParser(document)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      KinesisEvent event = new KinesisEvent();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("Records")) {
          event.setRecords(records(p));
        } else {
          p.skipChildren();
        }
      }
      return p.nextToken() == null ? event : null;
    } catch (IOException e) {
      return null; // declined, or broken JSON: databind reads it and reports the failure
    }
  }

  private static List<KinesisEventRecord> records(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_ARRAY);
    List<KinesisEventRecord> records = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      records.add(record(p));
    }
    return records;
  }

  private static KinesisEventRecord record(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_OBJECT);
    KinesisEventRecord r = new KinesisEventRecord();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "kinesis" -> r.setKinesis(kinesis(p));
        case "eventSource" -> r.setEventSource(text(p));
        case "eventID" -> r.setEventID(text(p));
        case "invokeIdentityArn" -> r.setInvokeIdentityArn(text(p));
        case "eventName" -> r.setEventName(text(p));
        case "eventVersion" -> r.setEventVersion(text(p));
        case "eventSourceARN" -> r.setEventSourceARN(text(p));
        case "awsRegion" -> r.setAwsRegion(text(p));
        default -> p.skipChildren();
      }
    }
    return r;
  }

  private static KinesisEvent.Record kinesis(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_OBJECT);
    KinesisEvent.Record k = new KinesisEvent.Record();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "kinesisSchemaVersion" -> k.setKinesisSchemaVersion(text(p));
        case "partitionKey" -> k.setPartitionKey(text(p));
        case "sequenceNumber" -> k.setSequenceNumber(text(p));
        case "data" -> k.setData(binary(p));
        case "approximateArrivalTimestamp" -> k.setApproximateArrivalTimestamp(date(p));
        case "encryptionType" -> k.setEncryptionType(text(p));
        default -> p.skipChildren();
      }
    }
    return k;
  }
}
