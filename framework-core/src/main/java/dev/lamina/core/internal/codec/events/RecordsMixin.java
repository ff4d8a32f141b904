package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** SQS, Kinesis and DynamoDB Streams events carry their records under {@code Records}. */
abstract class RecordsMixin {
  @JsonProperty("Records")
  abstract List<?> getRecords();

  @JsonProperty("Records")
  abstract void setRecords(List<?> records);
}
