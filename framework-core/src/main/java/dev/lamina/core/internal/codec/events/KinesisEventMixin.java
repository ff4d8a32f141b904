package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kinesis: the records under {@code Records}; {@code encryptionType} bound to its String setter. */
abstract class KinesisEventMixin {
  @JsonProperty("Records") Object records;

  abstract static class RecordMixin {
    @JsonProperty("encryptionType")
    abstract String getEncryptionType();

    @JsonProperty("encryptionType")
    abstract void setEncryptionType(String encryptionType);
  }
}
