package dev.lamina.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The floor of the cold-start comparison: the cheapest possible Java handler, a
 * {@link RequestStreamHandler} that ignores its input and returns a constant. Its class path is
 * itself plus aws-lambda-java-core.
 */
public final class ConstantStreamHandler implements RequestStreamHandler {
  private static final byte[] RESPONSE =
      "{\"message\":\"Hello!\"}".getBytes(StandardCharsets.UTF_8);

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws java.io.IOException {
    input.readAllBytes();
    output.write(RESPONSE);
  }
}
