package dev.lamina.config;

import dev.lamina.config.internal.ConfigFactory;
import dev.lamina.core.Feature;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Loads a configuration type at init and hands it to every invocation.
 *
 * <ul>
 *   <li><b>At init</b> (the handler's construction) the type is loaded and validated: a missing or
 *       unconvertible key, anywhere, fails init with one {@link ConfigurationException} listing
 *       them all, which the Lambda runtime reports as the init error.
 *   <li><b>Per invocation</b> the interceptor hands the current values to
 *       {@link Configs#get(dev.lamina.core.Invocation, Class)}; values older than
 *       {@link #maxAgeSeconds()} are refreshed first (see {@link CachedConfig}).
 *   <li><b>After a SnapStart restore</b> the next invocation refreshes, whatever the age.
 * </ul>
 *
 * <p>The values come from the handler's {@code HandlerEnvironment} (variables and clock) and, for
 * SSM fields only, from an SSM client created once, at init, from {@code AWS_REGION} and the
 * function's credentials (see {@link SsmParameters#fromEnvironment(java.util.Map)}), an init-once
 * resource re-created after a SnapStart restore. The plain-Java form is {@link ConfigFeature};
 * {@link ConfigLoader} loads a type outside any handler.
 *
 * <pre>{@code
 * @Config(OrdersConfig.class)
 * public class Orders extends LambdaHandler<Order, Receipt> {
 *   protected Receipt handle(Order order, Invocation invocation) {
 *     OrdersConfig config = Configs.get(invocation, OrdersConfig.class);
 *     return ship(order, config.table(), config.timeout());
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Feature(value = ConfigFactory.class, order = ConfigFeature.ORDER)
public @interface Config {

  /** The configuration type: a record, or a class with a no-arg constructor. */
  Class<?> value();

  /** How long loaded values are used before a later invocation refreshes them; 0 means never. */
  long maxAgeSeconds() default 300;

  /** How SSM is read: the SDK (default) or the Parameters and Secrets Lambda extension. */
  ParameterAccess access() default ParameterAccess.SDK;
}
