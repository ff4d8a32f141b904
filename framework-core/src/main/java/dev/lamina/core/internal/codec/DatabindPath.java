package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.core.internal.codec.events.EventsMapperFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The databind path: one base mapper for what jr does not take (trees, {@code java.time}-free
 * generics, the event classes the runtime reads with its plain mapper, ...), plus one mapper per
 * event class the runtime reads with its event codec, built when that class is first used.
 *
 * <p>Immutable once built and safe for concurrent use; each event mapper is created at most once.
 */
final class DatabindPath {
  private final ObjectMapper base;
  private final ConcurrentHashMap<Class<?>, ObjectMapper> events = new ConcurrentHashMap<>();

  /** Builds the base mapper now (about 200 ms cold); the event mapper waits for an event type. */
  DatabindPath() {
    this.base = LenientMapperFactory.create();
  }

  <T> T read(byte[] json, Type type) {
    ObjectMapper mapper = mapperFor(type);
    try (JsonParser parser = mapper.createParser(json)) {
      return readFrom(mapper, parser, type);
    } catch (IOException e) {
      throw CodecFailures.readFailure(e, type);
    }
  }

  <T> T read(InputStream in, Type type) {
    ObjectMapper mapper = mapperFor(type);
    try (JsonParser parser = mapper.createParser(in)) {
      return readFrom(mapper, parser, type);
    } catch (IOException e) {
      throw CodecFailures.readFailure(e, type);
    }
  }

  private static <T> T readFrom(ObjectMapper mapper, JsonParser parser, Type type) throws IOException {
    if (parser.nextToken() == null) {
      throw StreamFailures.emptyInput(type);
    }
    JavaType javaType = mapper.getTypeFactory().constructType(type);
    return mapper.readValue(parser, javaType);
  }

  byte[] writeBytes(Object value, Type type) {
    try {
      return mapperFor(type).writeValueAsBytes(value);
    } catch (IOException e) {
      throw CodecFailures.writeFailure(e, type);
    }
  }

  private ObjectMapper mapperFor(Type type) {
    if (!EventRouting.usesEventCodec(type)) {
      return base;
    }
    Class<?> event = (Class<?>) type;
    ObjectMapper mapper = events.get(event);
    return mapper != null ? mapper : events.computeIfAbsent(event, c -> EventsMapperFactory.create(base, c));
  }
}
