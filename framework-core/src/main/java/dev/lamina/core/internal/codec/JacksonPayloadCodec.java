package dev.lamina.core.internal.codec;

import dev.lamina.core.codec.PayloadCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The standard codec: jackson-jr for records, beans, strings, numbers, maps and lists whose types
 * it handles like the runtime's mapper ({@link JrEligibility}); jackson-databind for everything
 * else. The route is decided once per type and cached, so choosing costs a map lookup. databind's
 * mappers are built on first need, so a function whose payloads all go to jr never loads databind.
 *
 * <p>Immutable in behaviour and safe for concurrent use; the databind path is created at most once.
 */
public final class JacksonPayloadCodec implements PayloadCodec {
  private final ConcurrentHashMap<Type, JrRoute> routes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Class<?>, Boolean> writable = new ConcurrentHashMap<>();
  private final JrPath jr = new JrPath(this::jrWrites);
  private final Object databindLock = new Object();
  private volatile DatabindPath databind;

  /** Builds the jr path now (cheap); the databind path waits until a type first needs it. */
  public JacksonPayloadCodec() {}

  @Override
  public <T> T read(InputStream in, Type type) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(type, "type");
    JrRoute route = route(type);
    return route.isJr() ? jr.read(in, route, type) : databind().read(in, type);
  }

  @Override
  public <T> T read(byte[] json, Type type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    JrRoute route = route(type);
    return route.isJr() ? jr.read(json, route, type) : databind().read(json, type);
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

  /** jr writes the value unless its class, or the class of any value inside it, is not jr's. */
  @Override
  public byte[] writeBytes(Object value) {
    Class<?> type = value == null ? Object.class : value.getClass();
    if (jrWrites(type)) {
      byte[] json = jr.writeBytes(value);
      if (json != null) {
        return json;
      }
    }
    return databind().writeBytes(value, type);
  }

  private JrRoute route(Type type) {
    JrRoute route = routes.get(type);
    return route != null ? route : routes.computeIfAbsent(type, JrRoute::decide);
  }

  /** Whether jr writes values of this class; asked for the value and every value class inside it. */
  private boolean jrWrites(Class<?> type) {
    Boolean jr = writable.get(type);
    return jr != null ? jr : writable.computeIfAbsent(type, JrRoute::writable);
  }

  private DatabindPath databind() {
    DatabindPath path = databind;
    if (path == null) {
      synchronized (databindLock) {
        path = databind;
        if (path == null) {
          path = new DatabindPath();
          databind = path;
        }
      }
    }
    return path;
  }
}
