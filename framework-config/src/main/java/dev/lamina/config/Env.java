package dev.lamina.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a field (or record component) of a configuration type to an environment variable. A field
 * without any source annotation is bound to an environment variable too, so {@code @Env} is needed
 * only to choose another name.
 *
 * <p>The default name is the field name in upper snake case: {@code tableName} reads
 * {@code TABLE_NAME}, {@code httpURL} reads {@code HTTP_URL}. An empty variable counts as unset.
 *
 * <pre>{@code
 * public record OrdersConfig(@Env("ORDERS_TABLE") String table, Duration timeout) {}   // TIMEOUT
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Env {

  /** The variable's name; empty means the field name in upper snake case. */
  String value() default "";
}
