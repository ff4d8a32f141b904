package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;

/**
 * Builds the streaming {@link JsonFactory} both codec paths parse and generate with: the Lambda
 * runtime's lenient parser features (single quotes, unquoted names, leading zeros, NaN, control
 * characters, any backslash escape; duplicate keys allowed), no source in error locations, and
 * nothing closed that the caller owns. jackson-core only: building it loads no databind class.
 */
public final class LenientJsonFactory {
  private LenientJsonFactory() {}

  /** A new factory; the caller owns it. */
  public static JsonFactory create() {
    JsonFactory factory =
        JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .build();
    factory.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return factory;
  }
}
