package dev.lamina.test.stream;

import java.time.Instant;
import java.util.Objects;

/**
 * A stream mapping moved a shard's checkpoint: every record up to and including
 * {@code sequenceNumber} is done (processed or skipped) and will not be delivered again.
 *
 * <p>Immutable and thread-safe.
 *
 * @param shardId the shard (for Kafka, the topic-partition)
 * @param sequenceNumber the last record done (for Kafka, its offset)
 * @param at when, on the mapping's clock
 */
public record Checkpoint(String shardId, String sequenceNumber, Instant at) {

  /** Rejects {@code null}. */
  public Checkpoint {
    Objects.requireNonNull(shardId, "shardId");
    Objects.requireNonNull(sequenceNumber, "sequenceNumber");
    Objects.requireNonNull(at, "at");
  }
}
