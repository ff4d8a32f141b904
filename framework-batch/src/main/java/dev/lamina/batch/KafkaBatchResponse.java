package dev.lamina.batch;

import java.util.List;
import java.util.Objects;

/**
 * The partial batch response of a Kafka event source mapping (Amazon MSK or self-managed), which
 * {@code aws-lambda-java-events} does not have: unlike SQS and the streams, its {@code
 * itemIdentifier} is an object naming the topic-partition (the key of the event's {@code records}
 * map, such as {@code orders-0}) and the offset Lambda resumes that partition from. Immutable.
 *
 * <pre>{@code
 * {"batchItemFailures":[{"itemIdentifier":{"partition":"orders-0","offset":15}}]}
 * }</pre>
 *
 * @param batchItemFailures one entry per partition to resume; empty when all succeeded
 */
public record KafkaBatchResponse(List<Failure> batchItemFailures) {

  /** Copies the list. */
  public KafkaBatchResponse {
    batchItemFailures = List.copyOf(Objects.requireNonNull(batchItemFailures, "batchItemFailures"));
  }

  /**
   * One reported failure.
   *
   * @param itemIdentifier where to resume
   */
  public record Failure(ItemIdentifier itemIdentifier) {}

  /**
   * A resume point.
   *
   * @param partition the topic-partition key, as in the event's {@code records} map
   * @param offset the offset of the first record to deliver again
   */
  public record ItemIdentifier(String partition, long offset) {}
}
