package dev.lamina.core.internal.codec.databind;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.core.internal.codec.EventRouting;
import dev.lamina.core.internal.codec.events.EventsMapperFactory;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine for everything: one base mapper, configured like the runtime's plain mapper, and one
 * mapper per event class the runtime reads with its event codec, built when that class is first
 * used. Failures are Jackson's own; the codec translates them. Thread-safe.
 */
public final class DatabindEngine {
  private final ObjectMapper base = LenientMapperFactory.create();
  private final ConcurrentHashMap<Class<?>, ObjectMapper> events = new ConcurrentHashMap<>();

  /** Builds the base mapper now: about 200 ms cold. */
  public DatabindEngine() {}

  /** @param document a non-blank JSON document */
  public <T> T read(byte[] document, Type type) throws IOException {
    ObjectMapper mapper = mapperFor(type);
    return mapper.readValue(document, mapper.getTypeFactory().constructType(type));
  }

  public byte[] write(Object value) throws IOException {
    return mapperFor(value == null ? Object.class : value.getClass()).writeValueAsBytes(value);
  }

  private ObjectMapper mapperFor(Type type) {
    if (!EventRouting.usesEventCodec(type)) {
      return base;
    }
    Class<?> event = (Class<?>) type;
    ObjectMapper mapper = events.get(event);
    return mapper != null
        ? mapper
        : events.computeIfAbsent(event, c -> EventsMapperFactory.create(base, c));
  }
}
