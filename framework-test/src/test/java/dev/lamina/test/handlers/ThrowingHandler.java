package dev.lamina.test.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Throws {@link IllegalStateException} when the input contains {@code "fail"}; echoes otherwise. */
public class ThrowingHandler implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    byte[] in = input.readAllBytes();
    if (new String(in, StandardCharsets.UTF_8).contains("fail")) {
      throw new IllegalStateException("asked to fail");
    }
    output.write(in);
  }
}
