/**
 * Stream event source mappings with Lambda's checkpoint semantics
 * ({@link dev.lamina.test.stream.StreamEventSource}): in-memory Kinesis shards
 * ({@link dev.lamina.test.stream.KinesisEventSource}), DynamoDB Streams, in memory or read from a
 * real table's stream in DynamoDB Local ({@link dev.lamina.test.stream.DynamoDbStreamEventSource}),
 * and Kafka partitions without a broker ({@link dev.lamina.test.stream.KafkaEventSource}).
 * {@link dev.lamina.test.stream.Checkpoint} and {@link dev.lamina.test.stream.OnFailureRecord}
 * record what was checkpointed and what was skipped.
 */
package dev.lamina.test.stream;
