package dev.lamina.core.internal.codec;

import java.lang.reflect.Type;
import java.util.Set;

/**
 * Whether the runtime reads and writes a type with its event codec, decided by class name only:
 * functions without {@code aws-lambda-java-events} never load its classes or Lamina's support for
 * them. The list is the runtime's own ({@code LambdaEventSerializers} in
 * {@code aws-lambda-java-serialization} 1.2.0; {@code EventEquivalenceTest} checks the two
 * agree). The other event classes, such as {@code APIGatewayV2HTTPEvent} and {@code KafkaEvent},
 * the runtime reads with its plain mapper, and so Lamina with its base mapper.
 */
public final class EventRouting {
  private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";

  private static final Set<String> RUNTIME_EVENT_CODEC = Set.of(
      "APIGatewayProxyRequestEvent", "APIGatewayProxyResponseEvent",
      "CloudFormationCustomResourceEvent", "CloudFrontEvent", "CloudWatchLogsEvent",
      "CodeCommitEvent", "CognitoEvent", "ConfigEvent", "ConnectEvent", "DynamodbEvent",
      "DynamodbTimeWindowEvent", "IoTButtonEvent", "KinesisEvent", "KinesisTimeWindowEvent",
      "KinesisFirehoseEvent", "LambdaDestinationEvent", "LexEvent", "ScheduledEvent",
      "SecretsManagerRotationEvent", "models.s3.S3EventNotification", "S3Event", "SNSEvent",
      "SQSEvent");

  private EventRouting() {}

  /** True for a plain class on the runtime's event-codec list; generic types never are. */
  public static boolean usesEventCodec(Type type) {
    return type instanceof Class<?> c && c.getName().startsWith(EVENTS)
        && RUNTIME_EVENT_CODEC.contains(c.getName().substring(EVENTS.length()));
  }
}
