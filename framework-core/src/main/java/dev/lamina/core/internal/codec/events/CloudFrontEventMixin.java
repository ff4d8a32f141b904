package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** CloudFront (Lambda@Edge): the records under {@code Records}. */
abstract class CloudFrontEventMixin {
  @JsonProperty("Records") Object records;
}
