package dev.lamina.core.codec;

import dev.lamina.core.internal.codec.JacksonPayloadCodec;

/**
 * Creates {@link PayloadCodec} instances. Each call builds a new, independent codec: create one
 * in the init phase and share it; there is no global instance.
 */
public final class Codecs {
  private Codecs() {}

  /**
   * The standard codec: lenient like the Lambda runtime (unknown properties ignored, single
   * values accepted as arrays, empty strings as {@code null} objects, unknown enum values as
   * {@code null}), writes no {@code null} fields, and reads the {@code aws-lambda-java-events}
   * classes as the runtime does.
   *
   * <ul>
   *   <li><b>Events.</b> Classes on the runtime's event-codec list (SQS, Kinesis, DynamoDB
   *       Streams, SNS, S3, ScheduledEvent, API Gateway REST, ...) use the runtime's property
   *       names and its date rules: numeric {@code Date}s are epoch <em>seconds</em> (decimals
   *       allowed; zero reads as {@code null}), joda {@code DateTime}s are ISO-8601 text.
   *       {@code S3Event} is read like the runtime's own S3 reader: missing text fields become
   *       {@code ""}, a missing {@code size} 0, and a record without a valid {@code eventTime}
   *       is rejected. Other event classes (HTTP API v2, ALB, Kafka, batch responses) use the
   *       plain mapper, as in the runtime. The event support loads only when an event class is
   *       first used.
   *   <li><b>Empty input.</b> A document of zero bytes or only whitespace is a
   *       {@link MalformedInputException} for every target type, as the runtime also rejects it;
   *       send the JSON literal {@code null} to pass no value.
   *   <li><b>Differences from the runtime.</b> Records can be read (the runtime cannot); no
   *       {@code java.time} or {@code Optional} support is registered.
   * </ul>
   *
   * <p>The codec is immutable and thread-safe; creating it costs a few milliseconds, so create it
   * once, in the init phase.
   *
   * <pre>{@code
   * private static final PayloadCodec CODEC = Codecs.standard();
   * SQSEvent event = CODEC.read(input, SQSEvent.class);
   * }</pre>
   *
   * @return a new codec; never {@code null}
   */
  public static PayloadCodec standard() {
    return new JacksonPayloadCodec();
  }
}
