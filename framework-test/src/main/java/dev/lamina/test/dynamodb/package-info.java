/**
 * DynamoDB Local as a loopback server for integration tests: {@link dev.lamina.test.dynamodb.DynamoDbLocal}
 * starts it in its own JVM, from its own class path, with telemetry off, on a free port.
 *
 * <p>Nothing here depends on the AWS SDK: tests talk to the server with whatever client they use,
 * through {@link dev.lamina.test.dynamodb.DynamoDbLocal#endpoint()}.
 */
package dev.lamina.test.dynamodb;
