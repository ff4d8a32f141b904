package dev.lamina.samples.greeting;

import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.TimeGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lamina's first function: greets a visitor by name, logs one structured line, and guards its
 * deadline. Deploy it with the handler {@code dev.lamina.samples.greeting.GreetingHandler}.
 *
 * <p>Input {@code {"name":"Ada"}}; output
 * {@code {"message":"Hello, Ada!","requestId":"...","coldStart":true}}. A missing or blank name
 * fails the invocation with {@link IllegalArgumentException}, which Lambda reports as the error
 * type.
 */
@TimeGuard(safetyMarginMillis = 500, watchdogMillis = 200)
public class GreetingHandler extends LambdaHandler<GreetingRequest, Greeting> {
  private static final Logger log = LoggerFactory.getLogger(GreetingHandler.class);

  /** The constructor the Lambda runtime calls. */
  public GreetingHandler() {
    super();
  }

  /** For tests: a handler with an injected clock and environment. */
  public GreetingHandler(HandlerEnvironment environment) {
    super(environment);
  }

  @Override
  protected Greeting handle(GreetingRequest request, Invocation invocation) {
    if (request == null || request.name() == null || request.name().isBlank()) {
      throw new IllegalArgumentException("[name] is required: send {\"name\":\"...\"}");
    }
    invocation.checkRemainingTime();
    log.atInfo().addKeyValue("name_length", request.name().length()).log("Greeting a visitor");
    return new Greeting(
        "Hello, " + request.name() + "!", invocation.requestId(), invocation.isColdStart());
  }
}
