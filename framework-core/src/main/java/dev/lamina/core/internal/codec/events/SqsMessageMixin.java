package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An SQS message's queue ARN is {@code eventSourceARN}, though its accessors say {@code Arn}. */
abstract class SqsMessageMixin {
  @JsonProperty("eventSourceARN")
  abstract String getEventSourceArn();

  @JsonProperty("eventSourceARN")
  abstract void setEventSourceArn(String arn);
}
