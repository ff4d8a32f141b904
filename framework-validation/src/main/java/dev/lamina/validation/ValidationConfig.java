package dev.lamina.validation;

import dev.lamina.core.FeatureConfig;
import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.codec.InputValidator;
import dev.lamina.validation.internal.AvajeInputValidator;
import dev.lamina.validation.internal.ValidationInterceptor;
import java.util.Objects;

/**
 * Settings of input validation; the plain-Java form of {@link Validated}. Immutable.
 *
 * <pre>{@code
 * RequestStreamHandler handler = Lamina.handler(Signup.class, Welcome.class, this::signUp)
 *     .feature(ValidationConfig.ofDefaults())
 *     .build();
 *
 * // a BatchProcessor outside a BatchHandler
 * BatchProcessor.builder(SQSEvent.class, Signup.class, this::signUp)
 *     .inputValidator(ValidationConfig.ofDefaults().createValidator())
 *     .build();
 * }</pre>
 *
 * <p>{@link Builder#validator(InputValidator)} plugs in another engine (a Jakarta Bean
 * Validation provider, a JSON Schema): Lamina calls it the same way and reports what it throws.
 */
public final class ValidationConfig implements FeatureConfig {
  /**
   * The chain position: inside the time guard (100) and configuration (200), outside idempotency
   * (500), so an invalid request is rejected before it claims an idempotency key.
   */
  public static final int ORDER = 300;

  private final InputValidator validator;

  private ValidationConfig(Builder b) {
    this.validator = b.validator;
  }

  /** The defaults: avaje-validator with the adapters generated for the input types. */
  public static ValidationConfig ofDefaults() {
    return custom().build();
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /**
   * The validator these settings use: the one given to the builder, or a new avaje-backed one
   * (create it once, at init, and share it: it is thread-safe).
   *
   * @return the validator
   */
  public InputValidator createValidator() {
    return validator != null ? validator : new AvajeInputValidator();
  }

  /** {@value #ORDER}. */
  @Override
  public int order() {
    return ORDER;
  }

  /**
   * Registers the validator with the handler (so batch records are checked too) and returns the
   * interceptor that decodes, and so checks, the input at this point of the chain.
   *
   * @param context the handler's init context; not {@code null}
   * @return a new interceptor, thread-safe
   */
  @Override
  public Interceptor createInterceptor(InitContext context) {
    InputValidator v = createValidator();
    context.addInputValidator(v);
    return new ValidationInterceptor();
  }

  /** Builds a {@link ValidationConfig}. */
  public static final class Builder {
    private InputValidator validator;

    private Builder() {}

    /**
     * Uses another validator instead of avaje-validator.
     *
     * @param validator thread-safe; throws {@link
     *     dev.lamina.core.codec.InputValidationException} naming every violation
     * @return this builder
     */
    public Builder validator(InputValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /** @return the settings */
    public ValidationConfig build() {
      return new ValidationConfig(this);
    }
  }
}
