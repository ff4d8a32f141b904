package dev.lamina.test.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers with its whole environment as one {@code KEY=value} line per variable, sorted, plus what the
 * context says, so a test can check exactly what the runtime sees.
 */
public class EnvHandler implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws java.io.IOException {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(System.getenv()).entrySet()) {
      out.append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    out.append("context.functionName=").append(context.getFunctionName()).append('\n');
    out.append("context.memoryLimitInMB=").append(context.getMemoryLimitInMB()).append('\n');
    out.append("context.invokedFunctionArn=").append(context.getInvokedFunctionArn()).append('\n');
    out.append("context.remainingTimeInMillis=")
        .append(context.getRemainingTimeInMillis())
        .append('\n');
    out.append("context.xrayTraceId=").append(context.getXrayTraceId()).append('\n');
    out.append("user.dir=").append(System.getProperty("user.dir")).append('\n');
    out.append("file.encoding=").append(System.getProperty("file.encoding")).append('\n');
    output.write(out.toString().getBytes(StandardCharsets.UTF_8));
  }
}
