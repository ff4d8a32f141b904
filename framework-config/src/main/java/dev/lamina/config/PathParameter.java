package dev.lamina.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a field (or record component) to a key under the configuration type's
 * {@link ParameterPath}: the parameter named {@code <path>/<key>}. Everything under the path is
 * read with {@code GetParametersByPath} (recursive, paged, with decryption), once for all fields.
 *
 * <p>The default key is the field name in lower kebab case: {@code poolSize} reads
 * {@code <path>/pool-size}. A key may contain {@code /} to reach deeper levels ({@code db/url}).
 *
 * <pre>{@code
 * @ParameterPath("/orders/prod")
 * public record OrdersConfig(@PathParameter("db/url") URI dbUrl, @PathParameter int poolSize) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface PathParameter {

  /** The key relative to the path, without a leading {@code /}; empty means the field name in kebab case. */
  String value() default "";
}
