package dev.lamina.benchmarks.powertools;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.Logging;

/**
 * Lamina's greeting sample ({@code dev.lamina.samples.greeting.GreetingHandler}) written the way a
 * Powertools for AWS Lambda (Java) v2 user would: a plain {@link RequestHandler} on maps (the
 * runtime's own POJO serialisation), Powertools' {@link Logging} aspect woven at compile time, and
 * one structured INFO line through SLF4J with a Powertools {@code StructuredArguments} entry, written
 * by log4j2's JSON template layout with Powertools' template.
 *
 * <p>Input {@code {"name":"Ada"}}; output
 * {@code {"message":"Hello, Ada!","requestId":"...","coldStart":true}}. A missing or blank name
 * fails the invocation with {@link IllegalArgumentException}. Only a benchmark subject.
 */
public class PowertoolsGreetingHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOGGER = LoggerFactory.getLogger(PowertoolsGreetingHandler.class);

  private static boolean coldStart = true;

  @Override
  @Logging
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    Object name = input == null ? null : input.get("name");
    if (!(name instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("[name] is required: send {\"name\":\"...\"}");
    }
    LOGGER.info("Greeting a visitor", entry("name_length", s.length()));
    Map<String, Object> greeting = new LinkedHashMap<>();
    greeting.put("message", "Hello, " + s + "!");
    greeting.put("requestId", context.getAwsRequestId());
    greeting.put("coldStart", coldStart);
    coldStart = false;
    return greeting;
  }
}
