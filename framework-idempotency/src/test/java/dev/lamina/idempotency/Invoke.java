package dev.lamina.idempotency;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Calls a stream handler as the runtime would. */
final class Invoke {
  private Invoke() {}

  static String stream(RequestStreamHandler handler, String json, Context context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out,
          context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
