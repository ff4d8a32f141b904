package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JsonFactory;
import dev.lamina.core.internal.codec.events.BatchResponseWriter;
import dev.lamina.core.internal.codec.events.DynamodbEventReader;
import dev.lamina.core.internal.codec.events.KafkaEventReader;
import dev.lamina.core.internal.codec.events.KinesisEventReader;
import dev.lamina.core.internal.codec.events.SqsEventReader;
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

  private static final Set<String> STREAMING_READER =
      Set.of(
          EVENTS + "SQSEvent",
          EVENTS + "KinesisEvent",
          EVENTS + "DynamodbEvent",
          EVENTS + "KafkaEvent");

  /** True for the event classes the events room reads with jackson-core alone. */
  public static boolean hasStreamingReader(Type type) {
    return type instanceof Class<?> c && STREAMING_READER.contains(c.getName());
  }

  /**
   * Reads such an event; {@code null} if the document is not in the shape Lambda sends, and
   * databind must read it. Loads the event classes only here.
   */
  public static Object readStreaming(JsonFactory json, byte[] document, Type type) {
    return switch (((Class<?>) type).getName()) {
      case EVENTS + "KinesisEvent" -> KinesisEventReader.read(json, document);
      case EVENTS + "DynamodbEvent" -> DynamodbEventReader.read(json, document);
      case EVENTS + "KafkaEvent" -> KafkaEventReader.read(json, document);
      default -> SqsEventReader.read(json, document);
    };
  }

  private static final Set<String> STREAMING_WRITER =
      Set.of(
          EVENTS + "SQSBatchResponse",
          EVENTS + "StreamsEventResponse",
          EVENTS + "TimeWindowEventResponse");

  /** True for the partial batch responses, written with jackson-core alone. */
  public static boolean hasStreamingWriter(Class<?> type) {
    return STREAMING_WRITER.contains(type.getName());
  }

  /** Writes such a response; loads the event classes only here. */
  public static byte[] writeStreaming(JsonFactory json, Object response) {
    return BatchResponseWriter.write(json, response);
  }

  /** True for a plain class on the runtime's event-codec list; generic types never are. */
  public static boolean usesEventCodec(Type type) {
    return type instanceof Class<?> c
        && c.getName().startsWith(EVENTS)
        && RUNTIME_EVENT_CODEC.contains(c.getName().substring(EVENTS.length()));
  }
}
