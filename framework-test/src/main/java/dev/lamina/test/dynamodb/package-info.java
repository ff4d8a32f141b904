/**
 * DynamoDB Local as a loopback server for integration tests: {@link dev.lamina.test.dynamodb.DynamoDbLocal}
 * starts it in its own JVM, from its own class path, with telemetry off, on a free port;
 * {@link dev.lamina.test.dynamodb.DynamoDbLocalExtension} shares one server across a test run.
 *
 * <p>{@code DynamoDbLocal} and the extension do not depend on the AWS SDK: tests may talk to the
 * server with whatever client they use, through
 * {@link dev.lamina.test.dynamodb.DynamoDbLocal#endpoint()}.
 * {@link dev.lamina.test.dynamodb.DynamoDbLocalTables} (fresh tables, clients, item reads) uses the
 * SDK's {@code DynamoDbClient}, which tests that use it bring.
 * {@link dev.lamina.test.dynamodb.DynamoDbFaultProxy} sits in front of the server, counts the
 * requests per operation and injects faults, including throttling by a token bucket answered as
 * DynamoDB answers it.
 */
package dev.lamina.test.dynamodb;
