package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Kinesis tumbling window: {@code Records} as in {@link KinesisEventMixin}, the stream's ARN as
 * {@code eventSourceARN}. The runtime gives the records inside no mix-in of their own.
 */
abstract class KinesisTimeWindowEventMixin extends KinesisEventMixin {
  @JsonProperty("eventSourceARN") Object eventSourceArn;
}
