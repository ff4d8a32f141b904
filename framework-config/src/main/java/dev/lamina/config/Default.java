package dev.lamina.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value to use when the field's source has none, written as the source would hold it and
 * converted the same way ({@code "30s"}, {@code "a,b,c"}, {@code "{\"retries\":3}"}). A default that
 * does not convert is reported with the other problems at load.
 *
 * <pre>{@code
 * public record HttpConfig(@Default("PT2S") Duration timeout, @Default("3") int retries) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Default {

  /** The default, as text. */
  String value();
}
