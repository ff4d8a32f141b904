package dev.lamina.batch;

import dev.lamina.batch.internal.AnnotatedIdempotency;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.Lamina;
import dev.lamina.core.PipelineException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;

/**
 * The base class of a batch function: declare the event type and the record payload type,
 * implement {@link #handleRecord}, and Lamina runs it for every record of each batch and answers
 * Lambda with the records that failed, so only those are retried. Settings come from {@link
 * Batch @Batch} on the class; the handler's other features ({@code @TimeGuard}, logging) apply
 * as to any {@link LambdaHandler}, and {@code @TimeGuard}'s margin becomes the batch's time
 * guard.
 *
 * <p>The response type follows from the event type (see {@link BatchProcessor}); the function's
 * event source mapping must have {@code ReportBatchItemFailures} turned on, or Lambda ignores it.
 *
 * <pre>{@code
 * @TimeGuard(safetyMarginMillis = 2_000)
 * @Batch(parallelism = 4)
 * public class ShipOrders extends BatchHandler<SQSEvent, Order> {
 *   @Override
 *   protected void handleRecord(Order order, RecordContext context) {
 *     warehouse.ship(order);       // throw to fail this record only
 *   }
 * }
 * }</pre>
 *
 * @param <E> the batch event: {@code SQSEvent}, {@code KinesisEvent}, {@code DynamodbEvent},
 *     {@code KafkaEvent}, or a tumbling-window event
 * @param <T> the record payload type (see {@link RecordHandler})
 */
public abstract class BatchHandler<E, T> extends LambdaHandler<E, Object> {
  private final BatchProcessor<E> processor;

  /** Creates the handler with the real environment. */
  protected BatchHandler() {
    this(HandlerEnvironment.system());
  }

  /**
   * Creates the handler with the given environment (tests).
   *
   * @param environment the environment; not {@code null}
   * @throws PipelineException if the type arguments are unresolved or {@code @Batch} is invalid
   */
  protected BatchHandler(HandlerEnvironment environment) {
    super(environment);
    Type[] types = Lamina.typeArguments(getClass(), BatchHandler.class);
    @SuppressWarnings("unchecked")
    Class<E> eventType = (Class<E>) rawClass(types[0]);
    BatchConfig config = config(getClass().getAnnotation(Batch.class), environment);
    try {
      RecordHandler<T> records = new RecordHandler<>() { // not a lambda: one bootstrap less at init
            @Override
            public void handle(T record, RecordContext context) throws Exception {
              handleRecord(record, context);
            }
          };
      this.processor =
          BatchProcessor.<E, T>builder(eventType, types[1], records)
              .config(config)
              .handlerClass(getClass())
              .codec(codec()) // checked by the validators features registered (@Validated)
              .environment(environment)
              .build();
    } catch (IllegalArgumentException e) {
      throw new PipelineException(
          "[" + getClass().getName() + "] cannot process batches: " + e.getMessage(), e);
    }
  }

  /**
   * Processes one record. Returning counts as success; an {@code Exception} fails this record.
   * May be called from several threads at once when {@code @Batch(parallelism)} is above 1.
   *
   * @param record the decoded payload
   * @param context the record's identifier, attempt, metadata and invocation
   * @throws Exception to fail this record
   */
  protected abstract void handleRecord(T record, RecordContext context) throws Exception;

  /** Processes the batch; final: implement {@link #handleRecord} instead. */
  @Override
  protected final Object handle(E event, Invocation invocation) throws Exception {
    return processor.process(event, invocation);
  }

  private BatchConfig config(Batch batch, HandlerEnvironment environment) {
    if (batch == null) {
      return BatchConfig.defaults();
    }
    BatchConfig.Builder b =
        BatchConfig.custom()
            .parallelism(batch.parallelism())
            .fifoMode(batch.fifoMode())
            .streamMode(batch.streamMode())
            .nonRetryable(batch.nonRetryable());
    if (!batch.failWhenAllFail()) {
      b.respondWhenAllFail();
    }
    if (batch.timeGuardMarginMillis() >= 0) {
      b.timeGuardMargin(Duration.ofMillis(batch.timeGuardMarginMillis()));
    }
    BatchConfig config;
    try {
      config = b.build();
    } catch (IllegalArgumentException e) {
      throw new PipelineException(
          "@Batch on [" + getClass().getName() + "] is invalid: " + e.getMessage(), e);
    }
    if (batch.idempotent()) {
      config =
          config.toBuilder()
              .idempotency(
                  AnnotatedIdempotency.from(
                      batch, getClass(), resources(), environment.variables()))
              .build();
    }
    return config;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType
        && ((ParameterizedType) type).getRawType() instanceof Class) {
      return (Class<?>) ((ParameterizedType) type).getRawType();
    }
    throw new PipelineException(
        "The batch event type [" + type.getTypeName() + "] must be a" + " class, such as SQSEvent");
  }
}
