package dev.lamina.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The SSM path prefix that the configuration type's {@link PathParameter} fields live under: either
 * fixed ({@link #value()}) or taken from an environment variable ({@link #fromEnv()}), so one
 * build can serve several stages. Exactly one of the two must be set.
 *
 * <pre>{@code
 * @ParameterPath(fromEnv = "CONFIG_PATH")        // CONFIG_PATH=/orders/prod
 * public record OrdersConfig(@PathParameter int poolSize) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ParameterPath {

  /** The path, starting with {@code /}, such as {@code /orders/prod}. */
  String value() default "";

  /** An environment variable holding the path. */
  String fromEnv() default "";
}
