package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * SNS: the records under {@code Records}, each notification under {@code Sns}, whose accessors are
 * {@code getSNS} and {@code setSns}. Every other name is PascalCase, set on the whole mapper.
 */
abstract class SNSEventMixin {
  @JsonProperty("Records") Object records;

  abstract static class SNSRecordMixin {
    @JsonProperty("Sns")
    abstract Object getSNS();

    @JsonProperty("Sns")
    abstract void setSns(Object sns);
  }
}
