package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.core.internal.codec.events.EventsMapperFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

/**
 * The databind path: one base mapper for what jr does not take (trees, {@code java.time}-free
 * generics, the event classes the runtime reads with its plain mapper, ...), plus an event mapper,
 * built on first use, for the event classes the runtime reads with its event codec.
 *
 * <p>Immutable once built and safe for concurrent use; the event mapper is created at most once.
 */
final class DatabindPath {
  private final ObjectMapper base;
  private final Object eventsLock = new Object();
  private volatile ObjectMapper events;

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
    return EventRouting.usesEventCodec(type) ? eventsMapper() : base;
  }

  private ObjectMapper eventsMapper() {
    ObjectMapper mapper = events;
    if (mapper == null) {
      synchronized (eventsLock) {
        mapper = events;
        if (mapper == null) {
          mapper = EventsMapperFactory.create(base);
          events = mapper;
        }
      }
    }
    return mapper;
  }
}
