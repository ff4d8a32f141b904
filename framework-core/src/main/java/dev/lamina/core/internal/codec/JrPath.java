package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.lamina.core.codec.CodecException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.function.Predicate;

/**
 * The codec's fast path: jackson-jr over the same lenient streaming factory as the databind path,
 * with {@link JrLeniency}'s rules. Loads no databind class. Immutable and thread-safe.
 */
final class JrPath {
  private final JsonFactory factory = LenientJsonFactory.create();
  private final JSON json;

  /** @param writable whether jr may write a value class; writing anything else returns {@code null} */
  JrPath(Predicate<Class<?>> writable) {
    this.json = JSON.builder(factory)
        .register(new JrLeniency(writable))
        .jsonWriter(new JrPathWriter())
        .enable(JSON.Feature.WRITE_RECORD_FIELDS_IN_DECLARATION_ORDER)
        .disable(JSON.Feature.USE_DEFERRED_MAPS, JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS,
            JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY, JSON.Feature.WRITE_NULL_PROPERTIES,
            JSON.Feature.READ_ONLY, JSON.Feature.WRITE_DATES_AS_TIMESTAMP)
        .build();
  }

  <T> T read(byte[] in, JrRoute route, Type type) {
    JsonParser parser = null;
    try {
      parser = factory.createParser(in);
      return readFrom(parser, route, type);
    } catch (CodecException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw JrFailures.readFailure(e, type, parser);
    } finally {
      closeQuietly(parser);
    }
  }

  <T> T read(InputStream in, JrRoute route, Type type) {
    JsonParser parser = null;
    try {
      parser = factory.createParser(in);
      return readFrom(parser, route, type);
    } catch (CodecException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw JrFailures.readFailure(e, type, parser);
    } finally {
      closeQuietly(parser);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T readFrom(JsonParser parser, JrRoute route, Type type) throws IOException {
    if (parser.nextToken() == null) {
      throw StreamFailures.emptyInput(type);
    }
    return (T) switch (route.kind()) {
      case LIST -> json.listOfFrom(route.target(), parser);
      case MAP -> json.mapOfFrom(route.target(), parser);
      default -> json.beanFrom(route.target(), parser);
    };
  }

  /** The value as JSON, or {@code null} if it holds a value class jr must not write. */
  byte[] writeBytes(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    JsonGenerator generator = null;
    try {
      generator = factory.createGenerator(out);
      json.write(value, generator);
      generator.close();
      return out.toByteArray();
    } catch (NotForJr e) {
      return null;
    } catch (IOException | RuntimeException e) {
      throw JrFailures.writeFailure(e, value.getClass(), generator);
    }
  }

  private static void closeQuietly(JsonParser parser) {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException ignored) {
        // reading is over; the caller owns the stream
      }
    }
  }
}
