package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** EventBridge calls the detail type {@code detail-type}. */
abstract class ScheduledEventMixin {
  @JsonProperty("detail-type") Object detailType;
}
