package dev.lamina.benchmarks.validation;

import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;

/** The baseline: the sign-up read and answered, no validation. */
public class UnvalidatedSignupHandler extends LambdaHandler<PlainSignup, String> {
  @Override
  protected String handle(PlainSignup request, Invocation invocation) {
    return "welcome " + request.name();
  }
}
