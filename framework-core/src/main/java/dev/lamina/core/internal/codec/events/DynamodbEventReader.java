package dev.lamina.core.internal.codec.events;

import static dev.lamina.core.internal.codec.events.EventTokens.DECLINED;
import static dev.lamina.core.internal.codec.events.EventTokens.binaries;
import static dev.lamina.core.internal.codec.events.EventTokens.binary;
import static dev.lamina.core.internal.codec.events.EventTokens.date;
import static dev.lamina.core.internal.codec.events.EventTokens.expect;
import static dev.lamina.core.internal.codec.events.EventTokens.text;
import static dev.lamina.core.internal.codec.events.EventTokens.texts;
import static dev.lamina.core.internal.codec.events.EventTokens.whole;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code DynamodbEvent} with jackson-core alone, as the runtime's event codec reads it
 * (records under {@code Records}; the {@code dynamodb} part in DynamoDB's PascalCase; typed values
 * as {@code S}, {@code N}, {@code B} in base64, {@code SS}, {@code NS}, {@code BS}, {@code M},
 * {@code L}, {@code NULL}, {@code BOOL}; unknown properties ignored), so a DynamoDB Streams batch
 * function does not load jackson-databind at cold start. Like {@link SqsEventReader} it reads only
 * the shape Lambda sends and declines anything that needs the runtime's leniencies (a number as
 * text, a stream view type it does not know), which databind then reads. {@code
 * EventEquivalenceTest} holds its result to the runtime's, field by field. Stateless.
 */
public final class DynamodbEventReader {
  private DynamodbEventReader() {}

  /** The event, or {@code null} if the document is not in the plain shape (databind reads it). */
  public static DynamodbEvent read(JsonFactory json, byte[] document) {
    try (JsonParser p = json.createParser(document)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      DynamodbEvent event = new DynamodbEvent();
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

  private static List<DynamodbStreamRecord> records(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_ARRAY);
    List<DynamodbStreamRecord> records = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      records.add(record(p));
    }
    return records;
  }

  private static DynamodbStreamRecord record(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_OBJECT);
    DynamodbStreamRecord r = new DynamodbStreamRecord();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "eventID" -> r.setEventID(text(p));
        case "eventName" -> r.setEventName(text(p));
        case "eventVersion" -> r.setEventVersion(text(p));
        case "eventSource" -> r.setEventSource(text(p));
        case "awsRegion" -> r.setAwsRegion(text(p));
        case "eventSourceARN" -> r.setEventSourceARN(text(p));
        case "dynamodb" -> r.setDynamodb(change(p));
        case "userIdentity" -> r.setUserIdentity(identity(p));
        default -> p.skipChildren();
      }
    }
    return r;
  }

  private static Identity identity(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_OBJECT);
    Identity identity = new Identity();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "principalId" -> identity.setPrincipalId(text(p));
        case "type" -> identity.setType(text(p));
        default -> p.skipChildren();
      }
    }
    return identity;
  }

  private static StreamRecord change(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_OBJECT);
    StreamRecord change = new StreamRecord();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "ApproximateCreationDateTime" -> change.setApproximateCreationDateTime(date(p));
        case "Keys" -> change.setKeys(item(p));
        case "NewImage" -> change.setNewImage(item(p));
        case "OldImage" -> change.setOldImage(item(p));
        case "SequenceNumber" -> change.setSequenceNumber(text(p));
        case "SizeBytes" -> change.setSizeBytes(sizeBytes(p));
        case "StreamViewType" -> change.setStreamViewType(viewType(p));
        default -> p.skipChildren();
      }
    }
    return change;
  }

  private static Long sizeBytes(JsonParser p) throws IOException {
    return p.currentToken() == JsonToken.VALUE_NULL
        ? null
        : whole(p, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  private static StreamViewType viewType(JsonParser p) throws IOException {
    String name = text(p);
    if (name == null) {
      return null;
    }
    for (StreamViewType t : StreamViewType.values()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw DECLINED; // a view type this events version does not know: the runtime's rules decide
  }

  private static Map<String, AttributeValue> item(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_OBJECT);
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      item.put(name, value(p));
    }
    return item;
  }

  private static AttributeValue value(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_OBJECT);
    AttributeValue v = new AttributeValue();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "S" -> v.setS(text(p));
        case "N" -> v.setN(text(p));
        case "B" -> v.setB(binary(p));
        case "SS" -> v.setSS(texts(p));
        case "NS" -> v.setNS(texts(p));
        case "BS" -> v.setBS(binaries(p));
        case "M" -> v.setM(item(p));
        case "L" -> v.setL(values(p));
        case "NULL" -> v.setNULL(bool(p));
        case "BOOL" -> v.setBOOL(bool(p));
        default -> p.skipChildren();
      }
    }
    return v;
  }

  private static List<AttributeValue> values(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_ARRAY);
    List<AttributeValue> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(value(p));
    }
    return out;
  }

  private static Boolean bool(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_NULL -> null;
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> throw DECLINED;
    };
  }
}
