package dev.lamina.core.codec;

import dev.lamina.core.internal.codec.JacksonPayloadCodec;

/**
 * Creates {@link PayloadCodec} instances. Each call builds a new, independent codec: create one
 * in the init phase and share it; there is no global instance.
 */
public final class Codecs {
  private Codecs() {}

  /**
   * The standard codec: reads and writes as the Lambda Java runtime does. It is lenient (unknown
   * properties ignored, single values accepted as arrays, empty strings as {@code null} objects,
   * unknown enum values as {@code null}, numbers and text coerced into each other), writes no
   * {@code null} fields, and reads and writes each {@code aws-lambda-java-events} class with the
   * runtime's own property names and date rules for that class. Beyond the runtime, records can
   * be read; unlike it, no {@code java.time} or {@code Optional} support is registered. A document
   * of zero bytes or only whitespace is a {@link MalformedInputException} for every type, as the
   * runtime rejects it too; send the JSON literal {@code null} to pass no value.
   *
   * <p>Two engines, one behaviour. jackson-databind, configured like the runtime's mappers,
   * defines every result; jackson-jr gives the same result faster for records, beans, maps, lists
   * and scalars, and hands any other type, or any document that needs a coercion, to databind.
   * A function whose payloads stay plain never loads databind, which saves about 200 ms and 500
   * classes at cold start. That the engines agree, and that events match the runtime, is tested
   * rather than described here ({@code EnginesAgreeTest}, {@code EventEquivalenceTest});
   * framework-core's README says which types go where.
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
