package dev.lamina.samples.validation;

import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.TimeGuard;
import dev.lamina.samples.greeting.Greeting;
import dev.lamina.validation.Validated;

/**
 * The greeting sample with its input validated: a blank or too long name never reaches {@code
 * handle}; the invocation fails with an {@code InputValidationException} that names {@code
 * $.name} and the rule ({@code NotBlank}, {@code Size(min=0, max=60)}), never the name. Deploy it
 * with the handler {@code dev.lamina.samples.validation.ValidatedGreetingHandler}.
 */
@Validated
@TimeGuard(safetyMarginMillis = 500, watchdogMillis = 200)
public class ValidatedGreetingHandler extends LambdaHandler<NamedRequest, Greeting> {

  /** The constructor the Lambda runtime calls. */
  public ValidatedGreetingHandler() {
    super();
  }

  /** For tests: a handler with an injected clock and environment. */
  public ValidatedGreetingHandler(HandlerEnvironment environment) {
    super(environment);
  }

  @Override
  protected Greeting handle(NamedRequest request, Invocation invocation) {
    invocation.checkRemainingTime();
    return new Greeting(
        "Hello, " + request.name() + "!", invocation.requestId(), invocation.isColdStart());
  }
}
