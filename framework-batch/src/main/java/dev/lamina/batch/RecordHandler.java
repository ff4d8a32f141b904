package dev.lamina.batch;

/**
 * Processes one record of a batch. Lamina calls it once per record (sequentially by default, or
 * on a bounded number of worker threads, keeping FIFO groups, partition keys and Kafka partitions
 * in order), and reports the records whose call threw to Lambda, so only those are retried.
 *
 * <p>Returning counts as success. An {@code Exception} fails this record only; an {@code Error}
 * (out of memory, linkage) fails the whole invocation. With parallelism above one, the handler is
 * called from several threads at once: it must be thread-safe.
 *
 * <pre>{@code
 * RecordHandler<Order> ship = (order, context) -> warehouse.ship(order, context.recordId());
 * }</pre>
 *
 * @param <T> the decoded payload type: a record or POJO, {@code Map}, {@code JsonNode}, {@code
 *     String}, {@code byte[]}, or the source's own record class
 */
@FunctionalInterface
public interface RecordHandler<T> {

  /**
   * Processes one record.
   *
   * @param record the decoded payload; may be {@code null} if the payload is JSON {@code null}
   * @param context the record's identifier, attempt, source metadata and the invocation; valid
   *     for this call only
   * @throws Exception to fail this record: it is reported for retry (unless its type is
   *     configured as non-retryable)
   */
  void handle(T record, RecordContext context) throws Exception;
}
