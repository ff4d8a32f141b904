package dev.lamina.core.internal.codec.jr;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The cheap engine: jackson-jr, which loads no databind class. It reads and writes only where its
 * result is databind's and throws {@link JrDeclined} anywhere else, so that the caller asks
 * databind. It reports no failure of its own: a document it cannot read, or a value whose getter
 * throws, is declined too, and databind finds and reports the failure. Thread-safe.
 */
public final class JrEngine {
  private final JsonFactory factory;
  private final JSON json;

  /** @param factory the lenient factory both engines parse with; jr works on a copy */
  public JrEngine(JsonFactory factory) {
    // databind reads a duplicate key as an error in a record and as the last value in a bean; jr
    // cannot tell the two apart, so a document with one is databind's
    this.factory = factory.copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.json =
        JSON.builder(this.factory)
            .register(new JrAdapter())
            .enable(JSON.Feature.WRITE_RECORD_FIELDS_IN_DECLARATION_ORDER)
            .disable(
                JSON.Feature.USE_DEFERRED_MAPS,
                JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS,
                JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY,
                JSON.Feature.WRITE_NULL_PROPERTIES)
            .build();
  }

  /**
   * Whether jr's API takes {@code type} at the top: a class other than a collection or map
   * implementation, raw {@code List}, {@code Collection} or {@code Map}, or {@code List<X>},
   * {@code Collection<X>} or {@code Map<String, X>} of a plain class {@code X}.
   */
  public static boolean shapeFits(Type type) {
    if (type instanceof Class<?> c) {
      return c == List.class
          || c == Collection.class
          || c == Map.class
          || !(Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c));
    }
    if (!(type instanceof ParameterizedType p)
        || !(element(p) instanceof Class<?> e)
        || Collection.class.isAssignableFrom(e)
        || Map.class.isAssignableFrom(e)) {
      return false;
    }
    Type raw = p.getRawType();
    return raw == List.class
        || raw == Collection.class
        || (raw == Map.class && p.getActualTypeArguments()[0] == String.class);
  }

  /**
   * @param document a JSON document, not blank
   * @param type a type {@link #shapeFits} accepts
   * @throws JrDeclined for a type or document jr does not read as databind would
   */
  @SuppressWarnings("unchecked")
  public <T> T read(byte[] document, Type type) {
    ParameterizedType generic = type instanceof ParameterizedType p ? p : null;
    Class<?> raw = generic != null ? (Class<?>) generic.getRawType() : (Class<?>) type;
    Class<?> element = generic != null ? (Class<?>) element(generic) : Object.class;
    boolean list = Collection.class.isAssignableFrom(raw);
    boolean map = Map.class.isAssignableFrom(raw);
    try (JsonParser parser = factory.createParser(document)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.VALUE_NULL && !raw.isPrimitive()) {
        return null;
      }
      if ((list && first != JsonToken.START_ARRAY) || (map && first != JsonToken.START_OBJECT)) {
        throw JrDeclined.DOCUMENT;
      }
      return (T)
          (list
              ? json.listOfFrom(element, parser)
              : map ? json.mapOfFrom(element, parser) : json.beanFrom(raw, parser));
    } catch (IOException | RuntimeException e) {
      throw JrDeclined.in(e) == JrDeclined.TYPE ? JrDeclined.TYPE : JrDeclined.DOCUMENT;
    }
  }

  /**
   * @param value the value to write; not {@code null}
   * @throws JrDeclined if the value, or one inside it, is not one jr writes as databind would, or
   *     writing it failed
   */
  public byte[] write(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = factory.createGenerator(out)) {
      json.write(value, generator);
    } catch (IOException | RuntimeException e) {
      throw JrDeclined.in(e) == JrDeclined.TYPE ? JrDeclined.TYPE : JrDeclined.DOCUMENT;
    }
    return out.toByteArray();
  }

  private static Type element(ParameterizedType p) {
    Type[] args = p.getActualTypeArguments();
    return args[args.length - 1];
  }
}
