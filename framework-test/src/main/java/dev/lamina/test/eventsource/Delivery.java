package dev.lamina.test.eventsource;

import dev.lamina.test.InvocationResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One invocation a local event source mapping made: which records the batch held, what the
 * function answered, and how the mapping read the answer, which decides what is deleted,
 * checkpointed or retried.
 *
 * <p>Immutable and thread-safe. Record ids are SQS message ids, stream sequence numbers, or for
 * Kafka {@code <topic>-<partition>@<offset>}.
 *
 * <pre>{@code
 * Delivery first = source.deliveries().get(0);
 * assertEquals(Delivery.Outcome.PARTIAL_FAILURE, first.outcome());
 * assertEquals(List.of(failingId), first.reportedIds());
 * }</pre>
 *
 * @param number 1 for the mapping's first invocation, then 2, 3, ...
 * @param source the queue's ARN, or the shard (for Kafka the topic-partition) the batch came from
 * @param recordIds the batch's records, in the order the event holds them
 * @param event the event's JSON, exactly as the function received it
 * @param outcome how the mapping read the answer
 * @param reportedIds the records the answer reported as failed; empty unless {@code outcome} is
 *     {@link Outcome#PARTIAL_FAILURE}
 * @param detail why the batch failed as a whole (error type and message, the timeout, what is
 *     wrong with the response), or the empty string
 * @param result the runtime's answer; {@code null} for a timeout or a function that died
 * @param invokedAt when the event was sent, on the mapping's clock
 */
public record Delivery(
    int number,
    String source,
    List<String> recordIds,
    String event,
    Outcome outcome,
    List<String> reportedIds,
    String detail,
    InvocationResult result,
    Instant invokedAt) {

  /** How a mapping read a function's answer. */
  public enum Outcome {
    /** Every record succeeded: an empty or absent {@code batchItemFailures}, or no body. */
    SUCCESS,
    /** A valid partial batch response naming some records of the batch. */
    PARTIAL_FAILURE,
    /** The function threw, or its runtime died: the whole batch failed. */
    FUNCTION_ERROR,
    /** No answer before the function's timeout: the whole batch failed. */
    TIMEOUT,
    /**
     * A response Lambda rejects (not JSON, an empty, null or unknown {@code itemIdentifier}, a
     * bad key name): the whole batch failed.
     */
    INVALID_RESPONSE;

    /** Whether the whole batch counts as failed (nothing of it is deleted or checkpointed). */
    public boolean isBatchFailure() {
      return this == FUNCTION_ERROR || this == TIMEOUT || this == INVALID_RESPONSE;
    }
  }

  /** Copies the lists; rejects {@code null} except for {@code result}. */
  public Delivery {
    Objects.requireNonNull(source, "source");
    recordIds = List.copyOf(recordIds);
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(outcome, "outcome");
    reportedIds = List.copyOf(reportedIds);
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(invokedAt, "invokedAt");
  }

  /** The runtime's answer, if there was one. */
  public Optional<InvocationResult> answer() {
    return Optional.ofNullable(result);
  }

  /** Whether the batch held this record. */
  public boolean contains(String recordId) {
    return recordIds.contains(recordId);
  }

  /** Names the invocation, its records and outcome; never the event, which may hold user data. */
  @Override
  public String toString() {
    return "Delivery#"
        + number
        + "["
        + source
        + ", "
        + recordIds
        + ", "
        + outcome
        + (reportedIds.isEmpty() ? "" : ", reported " + reportedIds)
        + (detail.isEmpty() ? "" : ", " + detail)
        + "]";
  }
}
