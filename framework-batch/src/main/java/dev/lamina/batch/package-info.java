/**
 * Partial batch failure reporting: a {@link dev.lamina.batch.RecordHandler} runs for every record
 * of an SQS (standard or FIFO), Kinesis, DynamoDB Streams or Kafka batch, and Lambda is told which
 * records failed, so only those are retried. Ways in: {@link dev.lamina.batch.BatchHandler} with
 * {@link dev.lamina.batch.Batch @Batch}, {@link dev.lamina.batch.BatchProcessor} for plain Java,
 * and, for existing functions, {@link dev.lamina.batch.BatchProxyHandler}, configured by
 * environment variables only.
 */
package dev.lamina.batch;
