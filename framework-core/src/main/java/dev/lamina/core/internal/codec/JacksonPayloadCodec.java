package dev.lamina.core.internal.codec;

import com.fasterxml.jackson.core.JsonFactory;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.core.internal.codec.databind.DatabindEngine;
import dev.lamina.core.internal.codec.jr.JrDeclined;
import dev.lamina.core.internal.codec.jr.JrEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The standard codec, and the one rule it follows: databind, configured as the Lambda runtime's
 * mappers are, gives the answer; jr gives it faster where it can. So a type goes to jr first unless
 * it is an event class or a shape jr's API cannot take; when jr declines (a type it does not
 * handle as databind does, a document that needs a coercion, any failure), databind reads or writes
 * it, and databind's failures are the ones reported. Types jr declines as types are remembered and
 * go straight to databind. databind is built on first need. The SQS event is read by a streaming
 * reader of the events room when it comes in the shape Lambda sends, so an SQS batch function
 * never builds databind either; the partial batch responses are written the same way.
 *
 * <p>Thread-safe; the databind engine is created at most once.
 */
public final class JacksonPayloadCodec implements PayloadCodec {
  private final JsonFactory json = LenientJsonFactory.create();
  private final JrEngine jr = new JrEngine(json);
  private final Set<Type> databindTypes = ConcurrentHashMap.newKeySet();
  private final Object databindLock = new Object();
  private volatile DatabindEngine databind;

  /** Builds the jr engine now (cheap); the databind engine waits until something needs it. */
  public JacksonPayloadCodec() {}

  @Override
  public <T> T read(InputStream in, Type type) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(type, "type");
    byte[] document;
    try {
      document = in.readAllBytes();
    } catch (IOException e) {
      throw FailureTranslator.unreadableStream(type, e);
    }
    return read(document, type);
  }

  @Override
  public <T> T read(byte[] document, Type type) {
    Objects.requireNonNull(document, "json");
    Objects.requireNonNull(type, "type");
    if (blank(document)) {
      throw FailureTranslator.emptyInput(type);
    }
    if (EventRouting.hasStreamingReader(type)) {
      // The batch events, in the shape Lambda sends them, without databind; else databind.
      Object event = EventRouting.readStreaming(json, document, type);
      if (event != null) {
        @SuppressWarnings("unchecked")
        T result = (T) event;
        return result;
      }
    } else if (jrMayTry(type) && JrEngine.shapeFits(type)) {
      try {
        return jr.read(document, type);
      } catch (JrDeclined declined) {
        remember(declined, type);
      }
    }
    try {
      return databind().read(document, type);
    } catch (IOException e) {
      throw FailureTranslator.readFailure(e, type);
    }
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
    if (value == null) {
      return new byte[] {'n', 'u', 'l', 'l'};
    }
    Class<?> type = value.getClass();
    if (EventRouting.hasStreamingWriter(type)) {
      return EventRouting.writeStreaming(json, value);
    }
    if (jrMayTry(type)) {
      try {
        return jr.write(value);
      } catch (JrDeclined declined) {
        remember(declined, type);
      }
    }
    try {
      return databind().write(value);
    } catch (IOException e) {
      throw FailureTranslator.writeFailure(e, type);
    }
  }

  private boolean jrMayTry(Type type) {
    return !databindTypes.contains(type) && !EventRouting.usesEventCodec(type);
  }

  private void remember(JrDeclined declined, Type type) {
    if (declined == JrDeclined.TYPE) {
      databindTypes.add(type);
    }
  }

  private static boolean blank(byte[] document) {
    for (byte b : document) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private DatabindEngine databind() {
    DatabindEngine engine = databind;
    if (engine == null) {
      synchronized (databindLock) {
        engine = databind;
        if (engine == null) {
          engine = new DatabindEngine();
          databind = engine;
        }
      }
    }
    return engine;
  }
}
