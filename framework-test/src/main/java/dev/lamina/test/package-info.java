/**
 * Lamina's test kit: what a user needs to test a Lambda handler without deploying it.
 *
 * <ul>
 *   <li>{@link dev.lamina.test.FakeContext} with a {@link dev.lamina.test.MutableClock}, for unit
 *       tests that call a handler directly;</li>
 *   <li>{@link dev.lamina.test.LocalLambda}, which runs a handler under the real runtime interface
 *       client in a child JVM, fed by a local {@link dev.lamina.test.RuntimeApiServer};</li>
 *   <li>{@link dev.lamina.test.LocalLambdaTest}, a JUnit 5 annotation that starts one for a test and
 *       closes it afterwards;</li>
 *   <li>{@link dev.lamina.test.ssm.LocalParameterStore}, a local SSM Parameter Store for the real
 *       {@code SsmClient};</li>
 *   <li>{@link dev.lamina.test.sqs.ElasticMq} and {@link dev.lamina.test.sqs.SqsEventSource}, a
 *       real queue wired to a function by a local SQS event source mapping, and the stream
 *       mappings of {@link dev.lamina.test.stream} (Kinesis, DynamoDB Streams, Kafka).</li>
 * </ul>
 *
 * <p>Nothing here depends on Lamina's core: it works on plain {@code RequestHandler} and
 * {@code RequestStreamHandler} classes. Types in {@code dev.lamina.test.internal} are not an API.
 */
package dev.lamina.test;
