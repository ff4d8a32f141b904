package dev.lamina.benchmarks.validation;

import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import io.avaje.validation.Validator;

/** avaje-validator with its generated adapter, the validator built once at init. */
public class AvajeValidatedSignupHandler extends LambdaHandler<AvajeSignup, String> {
  private final Validator validator = Validator.builder().build();

  @Override
  protected String handle(AvajeSignup request, Invocation invocation) {
    validator.validate(request);
    return "welcome " + request.name();
  }
}
