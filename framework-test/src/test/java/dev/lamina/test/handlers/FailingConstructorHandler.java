package dev.lamina.test.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;

/** Cannot be created: its constructor throws, as a handler with a missing setting would at init. */
public class FailingConstructorHandler implements RequestStreamHandler {
  public FailingConstructorHandler() {
    throw new IllegalStateException("no config for you");
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) {
    throw new AssertionError("never created");
  }
}
