package dev.lamina.test.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;

/** Prints {@code sleeping <request id>} and sleeps until its deadline: an invocation that stays in flight. */
public class SleepingHandler implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws java.io.IOException {
    System.out.println("sleeping " + context.getAwsRequestId());
    System.out.flush();
    try {
      Thread.sleep(Math.max(0, context.getRemainingTimeInMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    output.write("\"woke\"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
