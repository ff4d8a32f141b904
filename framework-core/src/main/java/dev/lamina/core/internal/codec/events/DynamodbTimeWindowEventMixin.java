package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A DynamoDB Streams tumbling window: {@code Records}, and the stream's ARN as {@code eventSourceARN}. */
abstract class DynamodbTimeWindowEventMixin extends DynamodbEventMixin {
  @JsonProperty("eventSourceARN") Object eventSourceArn;
}
