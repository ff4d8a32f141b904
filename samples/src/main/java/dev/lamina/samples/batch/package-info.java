/**
 * The batch samples: functions fed by event source mappings that tell Lambda which records of a
 * batch failed, so only those are retried.
 *
 * <ul>
 *   <li>{@link dev.lamina.samples.batch.SqsOrdersHandler}: a standard SQS queue, records in
 *       parallel; a failed message is retried alone and ends in the dead-letter queue.
 *   <li>{@link dev.lamina.samples.batch.FifoOrdersHandler}: a FIFO queue; a failure stops the
 *       batch, so no message is applied out of order.
 *   <li>{@link dev.lamina.samples.batch.KinesisEventsHandler}: a Kinesis stream; Lambda resumes
 *       the shard at the first failed record.
 *   <li>{@link dev.lamina.samples.batch.DynamoChangesHandler}: a DynamoDB stream, acting on
 *       inserts, updates and removals of order items.
 * </ul>
 *
 * <p>Each event source mapping must have {@code FunctionResponseTypes: [ReportBatchItemFailures]}
 * (see samples/template.yaml): without it Lambda ignores the partial response and counts every
 * record of the batch as processed.
 */
package dev.lamina.samples.batch;
