package dev.lamina.test.stream;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a stream mapping skipped, as Lambda would send it to the mapping's on-failure destination:
 * the records of one batch (or of the part of it still failing) that were given up on because the
 * retries ran out or the records grew too old. Records are not sent, only where they are, as on
 * Lambda; {@link #recordIds()} lists them for assertions.
 *
 * <p>Immutable and thread-safe. {@link #json()} gives the destination message in Lambda's shape,
 * with {@code KinesisBatchInfo}, {@code DDBStreamBatchInfo} or {@code KafkaBatchInfo}.
 *
 * <pre>{@code
 * OnFailureRecord skipped = clicks.onFailureRecords().get(0);
 * assertEquals(OnFailureRecord.RETRY_ATTEMPTS_EXHAUSTED, skipped.condition());
 * assertEquals(List.of(badSequenceNumber), skipped.recordIds());
 * }</pre>
 *
 * @param condition {@link #RETRY_ATTEMPTS_EXHAUSTED} or {@link #RECORD_AGE_EXCEEDED}
 * @param shardId the shard (for Kafka, the topic-partition)
 * @param startSequenceNumber the first skipped record's sequence number (Kafka: offset)
 * @param endSequenceNumber the last skipped record's sequence number (Kafka: offset)
 * @param approximateArrivalOfFirstRecord when the first skipped record arrived
 * @param approximateArrivalOfLastRecord when the last skipped record arrived
 * @param recordIds the skipped records' ids, in shard order
 * @param approximateInvokeCount how many times the function was invoked with them; 0 if they
 *     expired before any invocation
 * @param json the destination message, in Lambda's shape
 */
public record OnFailureRecord(
    String condition,
    String shardId,
    String startSequenceNumber,
    String endSequenceNumber,
    Instant approximateArrivalOfFirstRecord,
    Instant approximateArrivalOfLastRecord,
    List<String> recordIds,
    int approximateInvokeCount,
    String json) {

  /** The retries ran out ({@code MaximumRetryAttempts}). */
  public static final String RETRY_ATTEMPTS_EXHAUSTED = "RetryAttemptsExhausted";

  /** The records were older than {@code MaximumRecordAgeInSeconds}. */
  public static final String RECORD_AGE_EXCEEDED = "RecordAgeExceeded";

  /** Copies the list; rejects {@code null}. */
  public OnFailureRecord {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(shardId, "shardId");
    Objects.requireNonNull(startSequenceNumber, "startSequenceNumber");
    Objects.requireNonNull(endSequenceNumber, "endSequenceNumber");
    Objects.requireNonNull(approximateArrivalOfFirstRecord, "approximateArrivalOfFirstRecord");
    Objects.requireNonNull(approximateArrivalOfLastRecord, "approximateArrivalOfLastRecord");
    recordIds = List.copyOf(recordIds);
    Objects.requireNonNull(json, "json");
  }

  /** How many records were skipped: Lambda's {@code batchSize}. */
  public int batchSize() {
    return recordIds.size();
  }
}
