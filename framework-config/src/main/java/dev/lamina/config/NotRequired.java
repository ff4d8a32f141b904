package dev.lamina.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field whose value may be missing: it is then {@code null} instead of a problem. A field of
 * type {@code java.util.Optional<T>} is not required without this annotation (and empty when
 * missing); a primitive field cannot be left without a value, so give it a {@link Default} instead.
 *
 * <pre>{@code
 * public record MailConfig(@NotRequired String replyTo) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface NotRequired {}
