package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** SQS: the messages under {@code Records}; a message's queue ARN is {@code eventSourceARN}. */
abstract class SQSEventMixin {
  @JsonProperty("Records") Object records;

  abstract static class SQSMessageMixin {
    @JsonProperty("eventSourceARN") Object eventSourceArn;
  }
}
