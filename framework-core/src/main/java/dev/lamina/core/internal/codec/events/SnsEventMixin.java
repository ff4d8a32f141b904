package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The SNS event: PascalCase, records under {@code Records}. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
abstract class SnsEventMixin {
  @JsonProperty("Records")
  abstract List<?> getRecords();

  @JsonProperty("Records")
  abstract void setRecords(List<?> records);
}
