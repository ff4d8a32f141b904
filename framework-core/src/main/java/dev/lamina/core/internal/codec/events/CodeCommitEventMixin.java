package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** CodeCommit: {@code Records}, and per record {@code codecommit}, {@code eventSourceARN}, {@code userIdentityARN}. */
abstract class CodeCommitEventMixin {
  @JsonProperty("Records") Object records;

  abstract static class RecordMixin {
    @JsonProperty("codecommit") Object codeCommit;
    @JsonProperty("eventSourceARN") Object eventSourceArn;
    @JsonProperty("userIdentityARN") Object userIdentityArn;
  }
}
