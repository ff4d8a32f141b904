package dev.lamina.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * A reference point for the cold-start comparison: the plain {@link RequestHandler} most Java
 * functions start as. The runtime deserialises its input with its own shaded Jackson, which is
 * the cost Lamina's stream handler avoids.
 */
public final class ConstantPojoHandler implements RequestHandler<Map<String, Object>, String> {
  @Override
  public String handleRequest(Map<String, Object> input, Context context) {
    return "Hello!";
  }
}
