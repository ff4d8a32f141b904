package dev.lamina.batch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The settings of a {@link BatchHandler}; the plain-Java form is {@link BatchConfig}. Read once,
 * when the handler is created; an invalid setting fails the init with one message listing every
 * problem. Without it, a batch handler uses {@link BatchConfig#defaults()}.
 *
 * <pre>{@code
 * @TimeGuard(safetyMarginMillis = 2_000)
 * @Batch(parallelism = 8, nonRetryable = InvalidOrderException.class, idempotent = true)
 * public class ShipOrders extends BatchHandler<SQSEvent, Order> { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Batch {

  /** Worker threads; 1 (the default) processes records in order on one thread. */
  int parallelism() default 1;

  /** What a failure does to an SQS FIFO batch. */
  FifoMode fifoMode() default FifoMode.STOP_AT_FIRST_FAILURE;

  /** What a failure does to a Kinesis, DynamoDB Streams or Kafka batch. */
  StreamMode streamMode() default StreamMode.STOP_AT_FIRST_FAILURE;

  /** Exception types whose records are not retried (logged, counted, not reported). */
  Class<? extends Exception>[] nonRetryable() default {};

  /** Whether an all-failed batch fails the invocation ({@code false} returns the response). */
  boolean failWhenAllFail() default true;

  /**
   * The time guard's margin in milliseconds; -1 (the default) uses the handler's {@code
   * @TimeGuard} margin, if any; 0 turns the guard off.
   */
  long timeGuardMarginMillis() default -1;

  /**
   * Makes each record idempotent on DynamoDB, configured from the environment like {@code
   * @Idempotent} ({@code LAMINA_IDEMPOTENCY_TABLE}, ...). Needs framework-idempotency.
   */
  boolean idempotent() default false;

  /**
   * With {@link #idempotent()}: the key, a path into the record's payload such as {@code
   * /orderId}; empty (the default) keys on the record's source identifier.
   */
  String idempotencyKey() default "";

  /** With {@link #idempotent()}: how long a processed record counts, in seconds. */
  long idempotencyExpirySeconds() default 3600;

  /** With {@link #idempotent()}: the DynamoDB table; empty reads {@code LAMINA_IDEMPOTENCY_TABLE}. */
  String idempotencyTable() default "";
}
