package dev.lamina.core.internal.codec;

import java.lang.reflect.Type;
import java.util.Set;

/**
 * Decides, by class name only, whether a type is read by the runtime's event codec. Loading no
 * class here is the point: functions without {@code aws-lambda-java-events} never load its classes
 * or Lamina's support for them.
 *
 * <p>The list is the runtime's own ({@code LambdaEventSerializers} in
 * {@code aws-lambda-java-serialization} 1.2.0). Other event classes, such as
 * {@code APIGatewayV2HTTPEvent}, {@code ApplicationLoadBalancerRequestEvent}, {@code KafkaEvent} and
 * the batch response types, go through the runtime's plain mapper, and so through Lamina's base
 * mapper.
 */
final class EventRouting {
  static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";

  private static final Set<String> RUNTIME_EVENT_CODEC =
      Set.of(
          "APIGatewayProxyRequestEvent",
          "APIGatewayProxyResponseEvent",
          "CloudFormationCustomResourceEvent",
          "CloudFrontEvent",
          "CloudWatchLogsEvent",
          "CodeCommitEvent",
          "CognitoEvent",
          "ConfigEvent",
          "ConnectEvent",
          "DynamodbEvent",
          "DynamodbTimeWindowEvent",
          "IoTButtonEvent",
          "KinesisEvent",
          "KinesisTimeWindowEvent",
          "KinesisFirehoseEvent",
          "LambdaDestinationEvent",
          "LexEvent",
          "ScheduledEvent",
          "SecretsManagerRotationEvent",
          "models.s3.S3EventNotification",
          "S3Event",
          "SNSEvent",
          "SQSEvent");

  private EventRouting() {}

  /** True if the runtime reads and writes {@code type} with its event codec, not its plain mapper. */
  static boolean usesEventCodec(Type type) {
    if (!(type instanceof Class<?> c)) {
      return false; // the runtime, too, routes only plain classes to its event codec
    }
    String name = c.getName();
    return name.startsWith(EVENTS_PACKAGE)
        && RUNTIME_EVENT_CODEC.contains(name.substring(EVENTS_PACKAGE.length()));
  }
}
