package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code eventName} has two setters (String and OperationType): bind the String one. */
abstract class DynamodbStreamRecordMixin {
  @JsonProperty("eventName")
  abstract String getEventName();

  @JsonProperty("eventName")
  abstract void setEventName(String eventName);
}
