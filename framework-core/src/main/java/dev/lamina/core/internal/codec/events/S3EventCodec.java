package dev.lamina.core.internal.codec.events;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.RequestParametersEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.ResponseElementsEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.UserIdentityEntity;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.joda.time.format.ISODateTimeFormat;

/**
 * S3 events, read and written as the runtime's own org.json codec does, not as a bean. Reading
 * takes {@code Records} and, per record, a fixed set of fields, with org.json's forgiving defaults:
 * a missing text field is {@code ""}, a missing object an entity of empty fields, a missing
 * {@code size} 0, missing {@code Records} an empty list; a record without a valid {@code eventTime}
 * fails. Writing puts out the same fields under their wire names ({@code x-amz-id-2},
 * {@code urlDecodedKey}, ...), leaving {@code null}s out. Other fields, such as
 * {@code glacierEventData}, are neither read nor written.
 */
final class S3EventCodec {
  private S3EventCodec() {}

  static void addTo(SimpleModule module) {
    module.addDeserializer(S3Event.class, new Reader<>(S3Event.class, S3Event::new));
    module.addDeserializer(
        S3EventNotification.class,
        new Reader<>(S3EventNotification.class, S3EventNotification::new));
    module.addSerializer(S3EventNotification.class, new Writer());
  }

  private static final class Reader<T extends S3EventNotification> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Function<List<S3EventNotificationRecord>, T> constructor;

    Reader(Class<T> type, Function<List<S3EventNotificationRecord>, T> constructor) {
      super(type);
      this.constructor = constructor;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode root = ctxt.readTree(p);
      if (!root.isObject()) {
        throw MismatchedInputException.from(p, handledType(), "an S3 event must be a JSON object");
      }
      List<S3EventNotificationRecord> records = new ArrayList<>();
      JsonNode array = root.path("Records");
      for (int i = 0; array.isArray() && i < array.size(); i++) {
        try {
          records.add(record(p, array.get(i)));
        } catch (JsonMappingException e) {
          e.prependPath(new JsonMappingException.Reference(null, i));
          e.prependPath(new JsonMappingException.Reference(null, "Records"));
          throw e;
        }
      }
      return constructor.apply(records);
    }

    private static S3EventNotificationRecord record(JsonParser p, JsonNode r)
        throws JsonMappingException {
      if (!r.isObject()) {
        throw MismatchedInputException.from(
            p, S3EventNotificationRecord.class, "an S3 record must be a JSON object");
      }
      JsonNode s3 = object(r, "s3");
      JsonNode bucket = object(s3, "bucket");
      JsonNode object = object(s3, "object");
      JsonNode response = object(r, "responseElements");
      try {
        return new S3EventNotificationRecord(
            text(r, "awsRegion"),
            text(r, "eventName"),
            text(r, "eventSource"),
            text(r, "eventTime"),
            text(r, "eventVersion"),
            new RequestParametersEntity(text(object(r, "requestParameters"), "sourceIPAddress")),
            new ResponseElementsEntity(
                text(response, "x-amz-id-2"), text(response, "x-amz-request-id")),
            new S3Entity(
                text(s3, "configurationId"),
                new S3BucketEntity(
                    text(bucket, "name"),
                    identity(object(bucket, "ownerIdentity")),
                    text(bucket, "arn")),
                new S3ObjectEntity(
                    text(object, "key"),
                    size(object.get("size")),
                    text(object, "eTag"),
                    text(object, "versionId"),
                    text(object, "sequencer")),
                text(s3, "s3SchemaVersion")),
            identity(object(r, "userIdentity")));
      } catch (IllegalArgumentException e) {
        JsonMappingException failure =
            MismatchedInputException.from(
                p,
                org.joda.time.DateTime.class,
                "eventTime is missing or not an ISO-8601 date-time");
        failure.prependPath(new JsonMappingException.Reference(null, "eventTime"));
        throw failure;
      }
    }

    private static UserIdentityEntity identity(JsonNode node) {
      return new UserIdentityEntity(text(node, "principalId"));
    }

    /** org.json's {@code optJSONObject}: the object, or an empty one for anything else. */
    private static JsonNode object(JsonNode parent, String name) {
      JsonNode node = parent.get(name);
      return node != null && node.isObject() ? node : MissingNode.getInstance();
    }

    /** org.json's {@code optString}: {@code ""} when absent or null, else the value as text. */
    private static String text(JsonNode parent, String name) {
      JsonNode node = parent.get(name);
      if (node == null || node.isNull() || node.isMissingNode()) {
        return "";
      }
      return node.isValueNode() ? node.asText() : node.toString();
    }

    /** org.json's {@code optLong}: numbers and numeric text truncated to a long, otherwise 0. */
    private static Long size(JsonNode node) {
      if (node != null && node.isNumber()) {
        return node.longValue();
      }
      try {
        return node != null && node.isTextual()
            ? new BigDecimal(node.asText().trim()).longValue()
            : 0L;
      } catch (NumberFormatException e) {
        return 0L;
      }
    }
  }

  private static final class Writer extends StdSerializer<S3EventNotification> {
    private static final long serialVersionUID = 1L;

    Writer() {
      super(S3EventNotification.class);
    }

    @Override
    public void serialize(S3EventNotification event, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      g.writeStartObject();
      g.writeArrayFieldStart("Records");
      for (S3EventNotificationRecord r : event.getRecords()) {
        g.writeStartObject();
        text(g, "awsRegion", r.getAwsRegion());
        text(g, "eventName", r.getEventName());
        text(g, "eventSource", r.getEventSource());
        text(
            g,
            "eventTime",
            r.getEventTime() == null ? null : ISODateTimeFormat.dateTime().print(r.getEventTime()));
        text(g, "eventVersion", r.getEventVersion());
        g.writeObjectFieldStart("requestParameters");
        text(g, "sourceIPAddress", r.getRequestParameters().getSourceIPAddress());
        g.writeEndObject();
        g.writeObjectFieldStart("responseElements");
        text(g, "x-amz-id-2", r.getResponseElements().getxAmzId2());
        text(g, "x-amz-request-id", r.getResponseElements().getxAmzRequestId());
        g.writeEndObject();
        S3Entity s3 = r.getS3();
        g.writeObjectFieldStart("s3");
        text(g, "configurationId", s3.getConfigurationId());
        g.writeObjectFieldStart("bucket");
        text(g, "name", s3.getBucket().getName());
        identity(g, "ownerIdentity", s3.getBucket().getOwnerIdentity());
        text(g, "arn", s3.getBucket().getArn());
        g.writeEndObject();
        S3ObjectEntity object = s3.getObject();
        g.writeObjectFieldStart("object");
        text(g, "key", object.getKey());
        g.writeNumberField("size", object.getSizeAsLong()); // the runtime also fails on null
        text(g, "eTag", object.geteTag());
        text(g, "versionId", object.getVersionId());
        text(g, "urlDecodedKey", object.getUrlDecodedKey());
        text(g, "sequencer", object.getSequencer());
        g.writeEndObject();
        text(g, "s3SchemaVersion", s3.getS3SchemaVersion());
        g.writeEndObject();
        identity(g, "userIdentity", r.getUserIdentity());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }

    private static void identity(JsonGenerator g, String name, UserIdentityEntity identity)
        throws IOException {
      g.writeObjectFieldStart(name);
      text(g, "principalId", identity.getPrincipalId());
      g.writeEndObject();
    }

    /** org.json's {@code put}: a {@code null} value leaves the name out. */
    private static void text(JsonGenerator g, String name, String value) throws IOException {
      if (value != null) {
        g.writeStringField(name, value);
      }
    }
  }
}
