package dev.lamina.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field whose value may be missing: it is then {@code null} instead of a problem. A field of
 * type {@code java.util.Optional<T>} is optional without this annotation (and empty when missing);
 * a primitive field cannot be optional without a {@link Default}.
 *
 * <p>The name matches {@code java.util.Optional}; where both are needed, write this one as
 * {@code @dev.lamina.config.Optional} or use an {@code Optional<T>} field instead.
 *
 * <pre>{@code
 * public record MailConfig(@dev.lamina.config.Optional String replyTo) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Optional {}
