package dev.lamina.core.internal.codec.databind;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lamina.core.internal.codec.LenientJsonFactory;

/**
 * Builds the base {@link ObjectMapper}, configured like the Lambda Java runtime's own POJO mapper
 * ({@code JacksonFactory} in {@code aws-lambda-java-serialization} 1.2.0): lenient parsing, unknown
 * properties ignored, single values accepted as arrays, empty strings as {@code null} objects,
 * unknown enum values as {@code null}, no {@code null} fields written, no failure on empty beans.
 *
 * <p>Like the runtime, creators are not auto-detected and mutators are not inferred from getters;
 * records still read through their canonical constructor (Jackson 2.22 detects it regardless).
 *
 * <p>Two deliberate differences from the runtime: the parser never quotes the source in error
 * locations (see {@link LenientJsonFactory}), and no {@code java.time} or
 * {@code Optional} modules are registered (their jars are not dependencies of core).
 */
public final class LenientMapperFactory {
  private LenientMapperFactory() {}

  /** A new, fully configured mapper; the caller owns it and must not reconfigure it once shared. */
  public static ObjectMapper create() {
    return create(LenientJsonFactory.create());
  }

  /** A new mapper over {@code factory}, which it then owns. */
  public static ObjectMapper create(JsonFactory factory) {
    return JsonMapper.builder(factory)
        .enable(MapperFeature.USE_STD_BEAN_NAMING)
        .disable(MapperFeature.AUTO_DETECT_CREATORS)
        .disable(MapperFeature.INFER_PROPERTY_MUTATORS)
        .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
        .disable(MapperFeature.USE_GETTERS_AS_SETTERS)
        .disable(MapperFeature.REQUIRE_SETTERS_FOR_GETTERS)
        .enable(SerializationFeature.FAIL_ON_SELF_REFERENCES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(SerializationFeature.CLOSE_CLOSEABLE)
        .enable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
        .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
        .enable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
  }
}
