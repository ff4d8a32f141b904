package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies.UpperCamelCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** CloudFormation custom resources: every name in PascalCase, the response URL as {@code ResponseURL}. */
@JsonNaming(UpperCamelCaseStrategy.class)
abstract class CloudFormationCustomResourceEventMixin {
  @JsonProperty("ResponseURL") Object responseUrl;
}
