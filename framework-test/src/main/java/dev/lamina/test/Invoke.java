package dev.lamina.test;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Calls a {@link RequestStreamHandler} in this JVM as the runtime would: the event as UTF-8 bytes
 * in, the response read back as text. For unit tests that want neither a child JVM nor the Runtime
 * API ({@link LocalLambda} is for those), typically with a {@link FakeContext} on a
 * {@link MutableClock}.
 *
 * <pre>{@code
 * String response = Invoke.stream(handler, "{\"name\":\"Ada\"}",
 *     FakeContext.builder().requestId("req-1").build());
 * }</pre>
 *
 * <p>Whatever the handler throws reaches the caller unchanged, except {@link IOException}, which
 * arrives wrapped in {@link UncheckedIOException}.
 */
public final class Invoke {

  private Invoke() {}

  /** Calls {@code handler} with {@code event} and a {@link FakeContext#create() default} context. */
  public static String stream(RequestStreamHandler handler, String event) {
    return stream(handler, event, FakeContext.create());
  }

  /**
   * Calls {@code handler} with {@code event} and {@code context}.
   *
   * @param handler the handler; not {@code null}
   * @param event the event as JSON text; not {@code null}
   * @param context the context; not {@code null}
   * @return what the handler wrote, as UTF-8 text ({@code ""} if it wrote nothing)
   */
  public static String stream(RequestStreamHandler handler, String event, Context context) {
    return new String(
        stream(handler, event.getBytes(StandardCharsets.UTF_8), context), StandardCharsets.UTF_8);
  }

  /**
   * Calls {@code handler} with raw bytes, for events that are not valid UTF-8 or JSON.
   *
   * @param handler the handler; not {@code null}
   * @param event the event bytes; not {@code null}
   * @param context the context; not {@code null}
   * @return what the handler wrote
   */
  public static byte[] stream(RequestStreamHandler handler, byte[] event, Context context) {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(context, "context");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(event), out, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
