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
   * values accepted as arrays), writes no {@code null} fields, and reads the
   * {@code aws-lambda-java-events} classes as the runtime does.
   *
   * @return a new codec; never {@code null}
   */
  public static PayloadCodec standard() {
    return new JacksonPayloadCodec();
  }
}
