package dev.lamina.core.internal.codec.events;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Date;
import java.util.Map;

/** The {@code dynamodb} part of a stream record uses DynamoDB's PascalCase names. */
abstract class StreamRecordMixin {
  @JsonProperty("Keys")
  abstract Map<String, AttributeValue> getKeys();

  @JsonProperty("Keys")
  abstract void setKeys(Map<String, AttributeValue> keys);

  @JsonProperty("NewImage")
  abstract Map<String, AttributeValue> getNewImage();

  @JsonProperty("NewImage")
  abstract void setNewImage(Map<String, AttributeValue> image);

  @JsonProperty("OldImage")
  abstract Map<String, AttributeValue> getOldImage();

  @JsonProperty("OldImage")
  abstract void setOldImage(Map<String, AttributeValue> image);

  @JsonProperty("SequenceNumber")
  abstract String getSequenceNumber();

  @JsonProperty("SequenceNumber")
  abstract void setSequenceNumber(String sequenceNumber);

  @JsonProperty("SizeBytes")
  abstract Long getSizeBytes();

  @JsonProperty("SizeBytes")
  abstract void setSizeBytes(Long sizeBytes);

  @JsonProperty("StreamViewType")
  abstract String getStreamViewType();

  @JsonProperty("StreamViewType")
  abstract void setStreamViewType(StreamViewType viewType);

  @JsonProperty("ApproximateCreationDateTime")
  abstract Date getApproximateCreationDateTime();

  @JsonProperty("ApproximateCreationDateTime")
  abstract void setApproximateCreationDateTime(Date time);
}
