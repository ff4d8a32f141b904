package dev.lamina.metrics;

import dev.lamina.core.Feature;
import dev.lamina.metrics.internal.MetricsFactory;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes the metrics of every invocation as CloudWatch Embedded Metric Format lines, once, when
 * the invocation ends (also when the handler throws), with Lamina's built-in metrics: the cold
 * start, idempotency replays, in-progress rejections and mismatches, batch record outcomes and
 * time-guard warnings.
 *
 * <p>The namespace comes from {@link #namespace()}, else {@code LAMINA_METRICS_NAMESPACE}, else
 * {@code POWERTOOLS_METRICS_NAMESPACE}; init fails, naming the fix, if there is none. {@code
 * LAMINA_METRICS_DISABLED=true} (or {@code POWERTOOLS_METRICS_DISABLED=true}) keeps every check
 * but writes nothing, for local runs. The plain-Java equivalent is {@link MetricsConfig}.
 *
 * <pre>{@code
 * @Metrics(namespace = "Shop")
 * public class PlaceOrder extends LambdaHandler<Order, Receipt> {
 *   protected Receipt handle(Order order, Invocation invocation) {
 *     invocation.metrics().add("OrdersPlaced", 1, MetricUnit.COUNT);
 *     ...
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Feature(value = MetricsFactory.class, order = MetricsConfig.ORDER)
public @interface Metrics {

  /** The CloudWatch namespace; empty to read it from the environment. */
  String namespace() default "";

  /**
   * The {@code Service} dimension; empty for {@code POWERTOOLS_SERVICE_NAME}, else {@code
   * LAMINA_SERVICE_NAME}, else the function's name: the same service the log lines name.
   */
  String service() default "";

  /** Whether to write the {@code ColdStart} metric on the first on-demand invocation. */
  boolean coldStart() default true;

  /** Whether to count idempotency replays, in-progress rejections and payload mismatches. */
  boolean idempotency() default true;

  /** Whether to count batch records succeeded, failed, skipped, non-retryable and cut. */
  boolean batch() default true;

  /** Whether to count time-guard warnings. */
  boolean timeGuard() default true;
}
