package dev.lamina.core.internal.codec.events;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.RequestParametersEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.ResponseElementsEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.UserIdentityEntity;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;

/** Reads one S3 notification record from a JSON tree with the runtime's org.json defaults. */
final class S3RecordReader {
  private S3RecordReader() {}

  static S3EventNotificationRecord read(JsonParser p, JsonNode record) throws JsonMappingException {
    if (!record.isObject()) {
      throw MismatchedInputException.from(p, S3EventNotificationRecord.class, "an S3 record must be a JSON object");
    }
    S3EventNotificationRecord result;
    try {
      result = new S3EventNotificationRecord(
          text(record, "awsRegion"),
          text(record, "eventName"),
          text(record, "eventSource"),
          text(record, "eventTime"),
          text(record, "eventVersion"),
          new RequestParametersEntity(text(object(record, "requestParameters"), "sourceIPAddress")),
          responseElements(object(record, "responseElements")),
          s3(object(record, "s3")),
          userIdentity(object(record, "userIdentity")));
    } catch (IllegalArgumentException e) {
      JsonMappingException failure = MismatchedInputException.from(
          p, org.joda.time.DateTime.class, "eventTime is missing or not an ISO-8601 date-time");
      failure.prependPath(new JsonMappingException.Reference(null, "eventTime"));
      throw failure;
    }
    return result;
  }

  private static ResponseElementsEntity responseElements(JsonNode node) {
    return new ResponseElementsEntity(text(node, "x-amz-id-2"), text(node, "x-amz-request-id"));
  }

  private static UserIdentityEntity userIdentity(JsonNode node) {
    return new UserIdentityEntity(text(node, "principalId"));
  }

  private static S3Entity s3(JsonNode node) {
    JsonNode bucket = object(node, "bucket");
    JsonNode object = object(node, "object");
    return new S3Entity(
        text(node, "configurationId"),
        new S3BucketEntity(text(bucket, "name"), userIdentity(object(bucket, "ownerIdentity")), text(bucket, "arn")),
        new S3ObjectEntity(
            text(object, "key"),
            size(object.get("size")),
            text(object, "eTag"),
            text(object, "versionId"),
            text(object, "sequencer")),
        text(node, "s3SchemaVersion"));
  }

  /** org.json's {@code optJSONObject}: the object, or an empty one for anything else. */
  private static JsonNode object(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    return node != null && node.isObject() ? node : MissingNode.getInstance();
  }

  /** org.json's {@code optString}: {@code ""} when absent or null, otherwise the value as text. */
  private static String text(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "";
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  /** org.json's {@code optLong}: numbers and numeric text truncated to a long, otherwise 0. */
  private static Long size(JsonNode node) {
    if (node == null) {
      return 0L;
    }
    if (node.isNumber()) {
      return node.longValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.asText().trim()).longValue();
      } catch (NumberFormatException e) {
        return 0L;
      }
    }
    return 0L;
  }
}
