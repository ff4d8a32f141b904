package dev.lamina.core.internal.codec.events;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** An SNS record: PascalCase, the notification under {@code Sns} (accessors {@code getSNS}/{@code setSns}). */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
abstract class SnsRecordMixin {
  @JsonProperty("Sns")
  abstract SNSEvent.SNS getSNS();

  @JsonProperty("Sns")
  abstract void setSns(SNSEvent.SNS sns);
}
