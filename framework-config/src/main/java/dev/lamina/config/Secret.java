package dev.lamina.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field as secret although its source is not a {@code SecureString} (an API key in an
 * environment variable, say). Secret fields, and every field fed by a {@code SecureString}
 * parameter, must be of type {@link SecretValue} (or {@code Optional<SecretValue>}), whose
 * {@code toString} is masked: a record's generated {@code toString} would otherwise print them.
 * Lamina checks this when it loads the type and reports a field that breaks it as a problem.
 *
 * <pre>{@code
 * public record PaymentsConfig(@Secret @Env("API_KEY") SecretValue apiKey) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Secret {}
