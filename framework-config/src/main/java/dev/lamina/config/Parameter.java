package dev.lamina.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a field (or record component) to one SSM parameter, by its full name. Named parameters are
 * read with {@code GetParameters} in batches of at most 10, with decryption; a name under the
 * type's {@link ParameterPath} is taken from the path read instead and costs no extra call.
 *
 * <pre>{@code
 * public record PaymentsConfig(@Parameter("/shared/payments/api-key") SecretValue apiKey) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Parameter {

  /** The parameter's full name, such as {@code /shared/payments/api-key}. */
  String value();
}
