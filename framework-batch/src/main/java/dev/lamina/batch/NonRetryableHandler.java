package dev.lamina.batch;

/**
 * Receives the records that failed with a non-retryable exception (see {@link
 * BatchConfig.Builder#nonRetryable}), for example to forward them to a dead-letter queue. Such
 * records are not reported for retry. Called once per record, from the thread that processed it.
 *
 * <pre>{@code
 * NonRetryableHandler toDlq = (context, failure) -> dlq.send(context.recordId(), context.sourceRecord());
 * }</pre>
 */
@FunctionalInterface
public interface NonRetryableHandler {

  /**
   * Handles a record that will not be retried.
   *
   * @param context the record's context
   * @param failure what the record handler threw
   * @throws Exception if it fails; the record is then reported for retry after all, so it is not
   *     lost
   */
  void handle(RecordContext context, Exception failure) throws Exception;
}
