package dev.lamina.benchmarks.validation;

import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Jakarta Bean Validation through Hibernate Validator, as a Lambda would set it up: the factory
 * built once at init, without Expression Language (the parameter-only interpolator).
 */
public class HibernateValidatedSignupHandler extends LambdaHandler<JakartaSignup, String> {
  private final Validator validator;

  /** Builds the validator during init. */
  public HibernateValidatedSignupHandler() {
    ValidatorFactory factory =
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    this.validator = factory.getValidator();
  }

  @Override
  protected String handle(JakartaSignup request, Invocation invocation) {
    Set<ConstraintViolation<JakartaSignup>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException(violations.size() + " violations");
    }
    return "welcome " + request.name();
  }
}
