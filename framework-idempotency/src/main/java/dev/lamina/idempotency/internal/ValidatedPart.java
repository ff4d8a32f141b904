package dev.lamina.idempotency.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The part of an input that payload validation hashes by default: what the caller sent, never
 * the delivery envelope, which changes on every retry (API Gateway's {@code requestContext} and
 * trace headers, SQS receipt handles and receive counts, stream batch boundaries).
 *
 * <table>
 *   <caption>Input type: validated part</caption>
 *   <tr><td>API Gateway REST, ALB</td><td>{@code httpMethod}, {@code path}, {@code body}</td></tr>
 *   <tr><td>API Gateway HTTP API, function URL</td><td>{@code requestContext.http.method},
 *       {@code rawPath}, {@code body}</td></tr>
 *   <tr><td>SQS message / SQS event</td><td>{@code body} / each record's body</td></tr>
 *   <tr><td>SNS record / SNS event</td><td>{@code Sns.Message} / each record's</td></tr>
 *   <tr><td>EventBridge (ScheduledEvent)</td><td>{@code source}, {@code detail-type},
 *       {@code detail}</td></tr>
 *   <tr><td>Kinesis record / event</td><td>{@code kinesis.data} / each record's</td></tr>
 *   <tr><td>DynamoDB stream record / event</td><td>{@code dynamodb.Keys} and {@code
 *       dynamodb.NewImage} / each record's</td></tr>
 *   <tr><td>Kafka event</td><td>each record's {@code key} and {@code value}</td></tr>
 *   <tr><td>anything else</td><td>the whole input</td></tr>
 * </table>
 *
 * <p>Bodies, messages and data are expanded with {@link JsonText} (base64 decoded, JSON parsed).
 * The kind comes from the declared input type when it is an event class, and from the event's
 * shape when the input is untyped ({@code Map}, {@code JsonNode}, {@code Object}, raw bytes); a
 * user's own record or bean is always validated whole. Stateless.
 */
public final class ValidatedPart {
  private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";

  /** The kinds of input with a part of their own. */
  public enum Kind {
    HTTP_V1,
    HTTP_V2,
    SQS_MESSAGE,
    SQS_EVENT,
    SNS_RECORD,
    SNS_EVENT,
    EVENTBRIDGE,
    KINESIS_RECORD,
    KINESIS_EVENT,
    DYNAMODB_RECORD,
    DYNAMODB_EVENT,
    KAFKA_EVENT,
    WHOLE
  }

  private static final Map<String, Kind> BY_CLASS =
      Map.ofEntries(
          Map.entry(EVENTS + "APIGatewayProxyRequestEvent", Kind.HTTP_V1),
          Map.entry(EVENTS + "ApplicationLoadBalancerRequestEvent", Kind.HTTP_V1),
          Map.entry(EVENTS + "APIGatewayV2HTTPEvent", Kind.HTTP_V2),
          Map.entry(EVENTS + "SQSEvent$SQSMessage", Kind.SQS_MESSAGE),
          Map.entry(EVENTS + "SQSEvent", Kind.SQS_EVENT),
          Map.entry(EVENTS + "SNSEvent$SNSRecord", Kind.SNS_RECORD),
          Map.entry(EVENTS + "SNSEvent", Kind.SNS_EVENT),
          Map.entry(EVENTS + "ScheduledEvent", Kind.EVENTBRIDGE),
          Map.entry(EVENTS + "KinesisEvent$KinesisEventRecord", Kind.KINESIS_RECORD),
          Map.entry(EVENTS + "KinesisEvent", Kind.KINESIS_EVENT),
          Map.entry(EVENTS + "DynamodbEvent$DynamodbStreamRecord", Kind.DYNAMODB_RECORD),
          Map.entry(EVENTS + "DynamodbEvent", Kind.DYNAMODB_EVENT),
          Map.entry(EVENTS + "KafkaEvent", Kind.KAFKA_EVENT));

  /** The input types that carry a batch of records. */
  private static final List<String> BATCH_EVENTS =
      List.of(
          EVENTS + "SQSEvent",
          EVENTS + "KinesisEvent",
          EVENTS + "DynamodbEvent",
          EVENTS + "KafkaEvent");

  private ValidatedPart() {}

  /**
   * The kind a declared input type fixes, or {@code null} if the input is untyped and its shape
   * decides per invocation.
   */
  public static Kind kindOf(Type inputType) {
    Class<?> raw = raw(inputType);
    if (raw == null
        || raw == Object.class
        || raw == byte[].class
        || Map.class.isAssignableFrom(raw)
        || JsonNode.class.isAssignableFrom(raw)) {
      return null;
    }
    return BY_CLASS.getOrDefault(raw.getName(), Kind.WHOLE);
  }

  /** Whether the declared input type is a batch event (SQS, Kinesis, DynamoDB Streams, Kafka). */
  public static boolean isBatchEvent(Type inputType) {
    Class<?> raw = raw(inputType);
    return raw != null && BATCH_EVENTS.contains(raw.getName());
  }

  /** The kind of an untyped event, by its shape. */
  public static Kind detect(JsonNode event) {
    if (!event.isObject()) {
      return Kind.WHOLE;
    }
    if (event.path("requestContext").path("http").path("method").isTextual()) {
      return Kind.HTTP_V2;
    }
    if (event.path("httpMethod").isTextual()) {
      return Kind.HTTP_V1;
    }
    if (event.has("detail-type") && event.has("source") && event.has("detail")) {
      return Kind.EVENTBRIDGE;
    }
    JsonNode records = event.path("Records");
    if (records.isArray() && records.size() > 0) {
      Kind record = recordKind(records.get(0));
      return record == Kind.SQS_MESSAGE
          ? Kind.SQS_EVENT
          : record == Kind.SNS_RECORD
              ? Kind.SNS_EVENT
              : record == Kind.KINESIS_RECORD
                  ? Kind.KINESIS_EVENT
                  : record == Kind.DYNAMODB_RECORD ? Kind.DYNAMODB_EVENT : Kind.WHOLE;
    }
    if (event.path("records").isObject() && event.path("eventSource").asText("").contains("afka")) {
      return Kind.KAFKA_EVENT;
    }
    return recordKind(event);
  }

  private static Kind recordKind(JsonNode record) {
    String source = record.path("eventSource").asText(record.path("EventSource").asText(""));
    switch (source) {
      case "aws:sqs":
        return Kind.SQS_MESSAGE;
      case "aws:sns":
        return Kind.SNS_RECORD;
      case "aws:kinesis":
        return Kind.KINESIS_RECORD;
      case "aws:dynamodb":
        return Kind.DYNAMODB_RECORD;
      default:
        return Kind.WHOLE;
    }
  }

  /**
   * The validated part of an event.
   *
   * @param kind the kind, or {@code null} to detect it from the shape
   * @param event the input as a JSON tree
   */
  public static JsonNode of(Kind kind, JsonNode event) {
    Kind k = kind != null ? kind : detect(event);
    switch (k) {
      case HTTP_V1:
        return http(event.path("httpMethod"), event.path("path"), event);
      case HTTP_V2:
        return http(
            event.path("requestContext").path("http").path("method"), event.path("rawPath"), event);
      case SQS_MESSAGE:
        return sqs(event);
      case SQS_EVENT:
        return each(event.path("Records"), ValidatedPart::sqs);
      case SNS_RECORD:
        return sns(event);
      case SNS_EVENT:
        return each(event.path("Records"), ValidatedPart::sns);
      case EVENTBRIDGE:
        return object(
            "source",
            event.path("source"),
            "detail-type",
            event.path("detail-type"),
            "detail",
            event.path("detail"));
      case KINESIS_RECORD:
        return kinesis(event);
      case KINESIS_EVENT:
        return each(event.path("Records"), ValidatedPart::kinesis);
      case DYNAMODB_RECORD:
        return dynamodb(event);
      case DYNAMODB_EVENT:
        return each(event.path("Records"), ValidatedPart::dynamodb);
      case KAFKA_EVENT:
        return kafka(event.path("records"));
      default:
        return event;
    }
  }

  private static JsonNode http(JsonNode method, JsonNode path, JsonNode event) {
    return object("method", method, "path", path, "body", JsonText.field(event, "body"));
  }

  private static JsonNode sqs(JsonNode message) {
    return object("body", JsonText.field(message, "body"));
  }

  private static JsonNode sns(JsonNode record) {
    JsonNode sns = record.has("Sns") ? record.path("Sns") : record;
    return object("message", JsonText.field(sns, "Message"));
  }

  private static JsonNode kinesis(JsonNode record) {
    return object("data", JsonText.expand(record.path("kinesis").path("data"), true));
  }

  private static JsonNode dynamodb(JsonNode record) {
    JsonNode change = record.path("dynamodb");
    return object("keys", change.path("Keys"), "newImage", change.path("NewImage"));
  }

  private static JsonNode kafka(JsonNode partitions) {
    ArrayNode parts = JsonNodeFactory.instance.arrayNode();
    List<String> names = new ArrayList<>();
    partitions.fieldNames().forEachRemaining(names::add);
    Collections.sort(names);
    for (String name : names) {
      for (JsonNode record : partitions.path(name)) {
        parts.add(
            object(
                "key",
                JsonText.expand(record.path("key"), true),
                "value",
                JsonText.expand(record.path("value"), true)));
      }
    }
    return parts;
  }

  private static JsonNode each(JsonNode records, java.util.function.UnaryOperator<JsonNode> part) {
    ArrayNode parts = JsonNodeFactory.instance.arrayNode();
    for (Iterator<JsonNode> it = records.elements(); it.hasNext(); ) {
      parts.add(part.apply(it.next()));
    }
    return parts;
  }

  /** An object of name/value pairs; an absent value is written as {@code null}. */
  private static JsonNode object(Object... namesAndValues) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      JsonNode value = (JsonNode) namesAndValues[i + 1];
      node.set(
          (String) namesAndValues[i],
          value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value);
    }
    return node;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType) {
      Type raw = ((ParameterizedType) type).getRawType();
      return raw instanceof Class ? (Class<?>) raw : null;
    }
    return null;
  }
}
