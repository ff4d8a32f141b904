package dev.lamina.core.internal.codec.events;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.joda.time.format.ISODateTimeFormat;

/**
 * Writes {@link S3EventNotification} (and {@code S3Event}) as the runtime's org.json writer does:
 * {@code Records}, then per record a fixed set of fields under their wire names
 * ({@code x-amz-id-2}, {@code x-amz-request-id}, {@code urlDecodedKey}), leaving out {@code null}s.
 * Fields the runtime does not write, such as {@code glacierEventData}, are not written.
 */
final class S3EventSerializer extends StdSerializer<S3EventNotification> {
  private static final long serialVersionUID = 1L;

  S3EventSerializer() {
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
      text(g, "eventTime", r.getEventTime() == null ? null
          : ISODateTimeFormat.dateTime().print(r.getEventTime()));
      text(g, "eventVersion", r.getEventVersion());
      g.writeObjectFieldStart("requestParameters");
      text(g, "sourceIPAddress", r.getRequestParameters().getSourceIPAddress());
      g.writeEndObject();
      g.writeObjectFieldStart("responseElements");
      text(g, "x-amz-id-2", r.getResponseElements().getxAmzId2());
      text(g, "x-amz-request-id", r.getResponseElements().getxAmzRequestId());
      g.writeEndObject();
      writeS3(g, r.getS3());
      g.writeObjectFieldStart("userIdentity");
      text(g, "principalId", r.getUserIdentity().getPrincipalId());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeS3(JsonGenerator g, S3Entity s3) throws IOException {
    g.writeObjectFieldStart("s3");
    text(g, "configurationId", s3.getConfigurationId());
    g.writeObjectFieldStart("bucket");
    text(g, "name", s3.getBucket().getName());
    g.writeObjectFieldStart("ownerIdentity");
    text(g, "principalId", s3.getBucket().getOwnerIdentity().getPrincipalId());
    g.writeEndObject();
    text(g, "arn", s3.getBucket().getArn());
    g.writeEndObject();
    S3ObjectEntity object = s3.getObject();
    g.writeObjectFieldStart("object");
    text(g, "key", object.getKey());
    g.writeNumberField("size", object.getSizeAsLong()); // the runtime, too, fails on a null size
    text(g, "eTag", object.geteTag());
    text(g, "versionId", object.getVersionId());
    text(g, "urlDecodedKey", object.getUrlDecodedKey());
    text(g, "sequencer", object.getSequencer());
    g.writeEndObject();
    text(g, "s3SchemaVersion", s3.getS3SchemaVersion());
    g.writeEndObject();
  }

  /** org.json's {@code put}: a {@code null} value leaves the name out. */
  private static void text(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }
}
