package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** EventBridge calls the detail type {@code detail-type}. */
abstract class ScheduledEventMixin {
  @JsonProperty("detail-type")
  abstract String getDetailType();

  @JsonProperty("detail-type")
  abstract void setDetailType(String detailType);
}
