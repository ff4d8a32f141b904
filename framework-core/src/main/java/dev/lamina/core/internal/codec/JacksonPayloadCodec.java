package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.core.internal.codec.events.EventsMapperFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The standard codec: one base mapper for POJOs, records, maps, trees, strings and the event
 * classes the runtime reads with its plain mapper, plus an event mapper, built on first use, for
 * the event classes the runtime reads with its event codec.
 *
 * <p>Immutable once built and safe for concurrent use; the event mapper is created at most once.
 */
public final class JacksonPayloadCodec implements PayloadCodec {
  private final ObjectMapper base;
  private final Object eventsLock = new Object();
  private volatile ObjectMapper events;

  /** Builds the base mapper now; the event mapper waits until an event type is first used. */
  public JacksonPayloadCodec() {
    this.base = LenientMapperFactory.create();
  }

  @Override
  public <T> T read(InputStream in, Type type) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(type, "type");
    ObjectMapper mapper = mapperFor(type);
    try (JsonParser parser = mapper.createParser(in)) {
      return readFrom(mapper, parser, type);
    } catch (IOException e) {
      throw CodecFailures.readFailure(e, type);
    }
  }

  @Override
  public <T> T read(byte[] json, Type type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    ObjectMapper mapper = mapperFor(type);
    try (JsonParser parser = mapper.createParser(json)) {
      return readFrom(mapper, parser, type);
    } catch (IOException e) {
      throw CodecFailures.readFailure(e, type);
    }
  }

  private static <T> T readFrom(ObjectMapper mapper, JsonParser parser, Type type) throws IOException {
    if (parser.nextToken() == null) {
      throw CodecFailures.emptyInput(type);
    }
    JavaType javaType = mapper.getTypeFactory().constructType(type);
    return mapper.readValue(parser, javaType);
  }

  /** Encodes fully before writing, so a failure leaves nothing half-written in {@code out}. */
  @Override
  public void write(OutputStream out, Object value) {
    Objects.requireNonNull(out, "out");
    byte[] json = writeBytes(value);
    try {
      out.write(json);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the JSON result to the output stream", e);
    }
  }

  @Override
  public byte[] writeBytes(Object value) {
    Type type = value == null ? Object.class : value.getClass();
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
