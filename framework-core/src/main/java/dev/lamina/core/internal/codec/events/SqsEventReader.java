package dev.lamina.core.internal.codec.events;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code SQSEvent} with jackson-core alone, as the runtime's event codec reads it (its
 * property names: {@code Records}, {@code eventSourceARN}; unknown properties ignored), so an SQS
 * batch function does not load jackson-databind at cold start (about 500 classes). It reads only
 * the event exactly as Lambda sends it: anything that would need one of the runtime's leniencies
 * (a number where text is expected, a single object where a list is, an empty string for an
 * object) makes it decline, and databind reads the document instead. {@code EventEquivalenceTest}
 * holds its result to the runtime's, field by field. Stateless.
 */
public final class SqsEventReader {
  private SqsEventReader() {}

  /** The event, or {@code null} if the document is not in the plain shape (databind reads it). */
  public static SQSEvent read(JsonFactory json, byte[] document) {
    try (JsonParser p = json.createParser(document)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      SQSEvent event = new SQSEvent();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("Records")) {
          event.setRecords(list(p));
        } else {
          p.skipChildren();
        }
      }
      return p.nextToken() == null ? event : null;
    } catch (IOException e) {
      return null; // declined, or broken JSON: databind reads it and reports the failure
    }
  }

  private static List<SQSMessage> list(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    EventTokens.expect(p, JsonToken.START_ARRAY);
    List<SQSMessage> messages = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      messages.add(message(p));
    }
    return messages;
  }

  private static SQSMessage message(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    EventTokens.expect(p, JsonToken.START_OBJECT);
    SQSMessage m = new SQSMessage();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "messageId" -> m.setMessageId(EventTokens.text(p));
        case "receiptHandle" -> m.setReceiptHandle(EventTokens.text(p));
        case "body" -> m.setBody(EventTokens.text(p));
        case "md5OfBody" -> m.setMd5OfBody(EventTokens.text(p));
        case "md5OfMessageAttributes" -> m.setMd5OfMessageAttributes(EventTokens.text(p));
        case "eventSourceARN" -> m.setEventSourceArn(EventTokens.text(p));
        case "eventSource" -> m.setEventSource(EventTokens.text(p));
        case "awsRegion" -> m.setAwsRegion(EventTokens.text(p));
        case "attributes" -> m.setAttributes(EventTokens.textMap(p));
        case "messageAttributes" -> m.setMessageAttributes(attributes(p));
        default -> p.skipChildren();
      }
    }
    return m;
  }

  private static Map<String, MessageAttribute> attributes(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    EventTokens.expect(p, JsonToken.START_OBJECT);
    Map<String, MessageAttribute> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      out.put(name, attribute(p));
    }
    return out;
  }

  private static MessageAttribute attribute(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    EventTokens.expect(p, JsonToken.START_OBJECT);
    MessageAttribute a = new MessageAttribute();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "stringValue" -> a.setStringValue(EventTokens.text(p));
        case "binaryValue" -> a.setBinaryValue(EventTokens.binary(p));
        case "dataType" -> a.setDataType(EventTokens.text(p));
        case "stringListValues" -> a.setStringListValues(EventTokens.texts(p));
        case "binaryListValues" -> a.setBinaryListValues(EventTokens.binaries(p));
        default -> p.skipChildren();
      }
    }
    return a;
  }
}
