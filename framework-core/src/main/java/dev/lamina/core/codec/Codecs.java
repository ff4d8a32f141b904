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
   *   <li><b>Events.</b> Each class on the runtime's event-codec list (SQS, Kinesis, DynamoDB
   *       Streams and their tumbling windows, SNS, S3, CloudFormation custom resources, Connect,
   *       ...) gets its own mapper with the runtime's property names for that class and its date
   *       rules: numeric {@code Date}s are epoch <em>seconds</em> (decimals allowed; zero reads as
   *       {@code null}), joda {@code DateTime}s are ISO-8601 text. {@code S3Event} is read and
   *       written like the runtime's own org.json codec: missing text fields become {@code ""}, a
   *       missing {@code size} 0, and a record without a valid {@code eventTime} is rejected. Other event classes (HTTP API v2, ALB, Kafka, batch responses) use the
   *       plain mapper, as in the runtime. The event support loads only when an event class is
   *       first used.
   *   <li><b>Empty input.</b> A document of zero bytes or only whitespace is a
   *       {@link MalformedInputException} for every target type, as the runtime also rejects it;
   *       send the JSON literal {@code null} to pass no value.
   *   <li><b>Differences from the runtime.</b> Records can be read (the runtime cannot); no
   *       {@code java.time} or {@code Optional} support is registered.
   *   <li><b>Two engines.</b> Records, beans, {@code String}, boxed numbers and booleans,
   *       {@code BigDecimal}/{@code BigInteger}, enums, {@code Object}, raw {@code Map}/{@code List},
   *       {@code List<X>} and {@code Map<String, X>} are read and written with jackson-jr, so a
   *       function using only those never loads jackson-databind (the greeting sample: ~200 ms and 536 classes
   *       fewer at cold start). The rule is conservative: a record or bean goes to jr only if it
   *       has no Jackson annotation and every property (getters, setters, public fields, record
   *       components; recursively, 8 levels) is one of those types, and it does not refer to
   *       itself. Everything else — {@code JsonNode}, event classes, {@code java.time},
   *       {@code Date}, {@code Optional}, {@code ByteBuffer}, arrays, {@code Map} with non-String
   *       keys, other generic classes — goes to databind, built on first need. A value jr starts
   *       to write but finds something of those types inside (say an {@code Instant} in a
   *       {@code Map<String, Object>}) is written with databind instead. The route is decided
   *       once per type.
   *   <li><b>Where the jr path differs.</b> It keeps the leniency above (unknown properties,
   *       single value as array, {@code [x]} as {@code x}, {@code ""} and {@code []} as a
   *       {@code null} bean, unknown enum names and out-of-range enum indexes as {@code null},
   *       text/number/boolean coercions, {@code null} or missing primitives as zero, the same
   *       lenient parser and no {@code null} fields written). Record components are written in
   *       declaration order and bean properties in field declaration order, as databind does;
   *       properties with no backing field (getter only) come after, alphabetically, where
   *       databind uses the order it finds the getters. Map keys are written with
   *       {@code toString()}. A bean given as a non-empty JSON string is built with a
   *       single-{@code String} constructor if it has one (databind, with creator detection off
   *       like the runtime, rejects it). Enums that override {@code toString()} go to databind.
   *       A reference cycle reached through {@code Object}-typed properties stops at the
   *       generator's nesting limit (1000) as an {@link OutputEncodingException}; databind reports
   *       direct self-references straight away.
   * </ul>
   *
   * <p>The codec is thread-safe; creating it costs a few milliseconds (databind's mapper, when a
   * type first needs it, about 200 ms cold), so create it once, in the init phase.
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
