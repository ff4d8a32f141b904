package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies.UpperCamelCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Amazon Connect: PascalCase throughout ({@code Details}, {@code ContactData}, {@code Queue},
 * {@code Address}, ...), the instance ARN as {@code InstanceARN}. The same mix-in serves the event,
 * its details, queue and endpoints.
 */
@JsonNaming(UpperCamelCaseStrategy.class)
abstract class ConnectEventMixin {
  @JsonNaming(UpperCamelCaseStrategy.class)
  abstract static class ContactDataMixin {
    @JsonProperty("InstanceARN") Object instanceArn;
  }
}
