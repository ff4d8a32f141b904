package dev.lamina.batch;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lamina.batch.internal.BatchEngine;
import dev.lamina.batch.internal.PerRecord;
import dev.lamina.batch.internal.RecordDecoder;
import dev.lamina.batch.internal.RecordSource;
import dev.lamina.batch.internal.SqsSource;
import dev.lamina.batch.internal.StreamSources;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.Lamina;
import dev.lamina.core.codec.Codecs;
import dev.lamina.core.codec.InputValidator;
import dev.lamina.core.codec.PayloadCodec;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Partial batch failure reporting for code that does not extend {@link BatchHandler}: turns a
 * {@link RecordHandler} into something that processes a whole batch and answers with the response
 * Lambda expects, as a {@code RequestStreamHandler}, a {@code RequestHandler} or a {@code
 * Function}, or called directly with {@link #process}. Build it once, during init, and keep it;
 * it is thread-safe.
 *
 * <table>
 *   <caption>Event types and their responses</caption>
 *   <tr><td>{@code SQSEvent} (standard and FIFO)</td><td>{@code SQSBatchResponse}</td></tr>
 *   <tr><td>{@code KinesisEvent}, {@code DynamodbEvent}</td><td>{@code StreamsEventResponse}</td></tr>
 *   <tr><td>{@code KinesisTimeWindowEvent}, {@code DynamodbTimeWindowEvent}</td><td>{@code
 *       TimeWindowEventResponse} (the window's new state and the failures)</td></tr>
 *   <tr><td>{@code KafkaEvent} (Amazon MSK, self-managed)</td><td>{@link KafkaBatchResponse}</td></tr>
 * </table>
 *
 * <p>Without {@code ReportBatchItemFailures} on the event source mapping, Lambda ignores a
 * partial response and treats the invocation as a success: turn it on.
 *
 * <pre>{@code
 * public class Orders implements RequestStreamHandler {
 *   private final RequestStreamHandler delegate = BatchProcessor
 *       .builder(SQSEvent.class, Order.class, (Order order, RecordContext context) -> ship(order))
 *       .config(BatchConfig.custom().parallelism(4).build())
 *       .buildStreamHandler();
 *
 *   public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
 *     delegate.handleRequest(in, out, context);
 *   }
 * }
 * }</pre>
 *
 * @param <E> the event type
 */
public final class BatchProcessor<E> {
  private final Class<E> eventType;
  private final BatchEngine<E> engine;
  private final HandlerEnvironment environment;

  private BatchProcessor(Builder<E, ?> b, BatchEngine<E> engine) {
    this.eventType = b.eventType;
    this.engine = engine;
    this.environment = b.environment;
  }

  /**
   * Starts building a processor.
   *
   * @param eventType the batch event class (see the table above); not {@code null}
   * @param payloadType what each record's payload is decoded into (see {@link RecordHandler})
   * @param handler the record handler; not {@code null}
   * @param <E> the event type
   * @param <T> the payload type
   * @return a builder
   */
  public static <E, T> Builder<E, T> builder(
      Class<E> eventType, Type payloadType, RecordHandler<T> handler) {
    return new Builder<>(eventType, payloadType, handler);
  }

  /**
   * Processes one batch.
   *
   * @param event the batch; {@code null} counts as empty
   * @param invocation the invocation: its deadline drives the time guard
   * @return the response to give Lambda
   * @throws BatchFailedException if every record failed (unless configured to respond)
   * @throws BatchResponseException if the response would not cover every record not done
   * @throws InterruptedException if interrupted while waiting for worker threads
   */
  public Object process(E event, Invocation invocation) throws InterruptedException {
    return engine.process(event, Objects.requireNonNull(invocation, "invocation"));
  }

  /** The event type. */
  public Class<E> eventType() {
    return eventType;
  }

  /**
   * Builds a {@link BatchProcessor}. Not thread-safe.
   *
   * @param <E> the event type
   * @param <T> the payload type
   */
  public static final class Builder<E, T> {
    private final Class<E> eventType;
    private final Type payloadType;
    private final RecordHandler<T> handler;
    private BatchConfig config = BatchConfig.defaults();
    private Class<?> handlerClass;
    private PayloadCodec codec;
    private InputValidator inputValidator;
    private HandlerEnvironment environment;

    private Builder(Class<E> eventType, Type payloadType, RecordHandler<T> handler) {
      this.eventType = Objects.requireNonNull(eventType, "eventType");
      this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
      this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** The settings; default {@link BatchConfig#defaults()}. */
    public Builder<E, T> config(BatchConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * The class that names per-record idempotency's namespace (with the function name); default
     * the record handler's class, which must then not be a lambda unless the idempotency settings
     * give a namespace.
     */
    public Builder<E, T> handlerClass(Class<?> type) {
      this.handlerClass = Objects.requireNonNull(type, "handlerClass");
      return this;
    }

    /**
     * Checks every decoded payload before its record handler runs (for example {@code
     * ValidationConfig.ofDefaults().validator()} from {@code framework-validation}); a payload it
     * rejects fails that record only. {@code BatchHandler} passes the checks its features
     * registered.
     *
     * @param validator the check; not {@code null}
     * @return this builder
     */
    public Builder<E, T> inputValidator(InputValidator validator) {
      this.inputValidator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /** The codec payloads are decoded with; default a new {@link Codecs#standard()}. */
    public Builder<E, T> codec(PayloadCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /** The environment of the handlers built here; default {@link HandlerEnvironment#system()}. */
    public Builder<E, T> environment(HandlerEnvironment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * Builds the processor.
     *
     * @throws IllegalArgumentException if the event type is not a batch event Lamina supports
     * @throws dev.lamina.idempotency.IdempotencyException if per-record idempotency has no
     *     stable namespace
     */
    public BatchProcessor<E> build() {
      PayloadCodec c = codec != null ? codec : Codecs.standard();
      RecordSource<E> source = sourceFor(eventType);
      RecordDecoder decoder =
          new RecordDecoder(c, payloadType, recordClassOf(eventType), inputValidator);
      Class<?> namer = handlerClass != null ? handlerClass : handler.getClass();
      PerRecord perRecord =
          config.idempotency() == null
              ? PerRecord.DIRECT
              : config.idempotency().perRecord(namer, c, environment().sleeper());
      return new BatchProcessor<>(
          this, new BatchEngine<>(source, decoder, handler, config, perRecord));
    }

    /**
     * A stream handler that reads the batch with Lamina's codec (which reads the event classes as
     * the runtime does) and writes the response: the fastest start.
     */
    public RequestStreamHandler buildStreamHandler() {
      BatchProcessor<E> processor = build();
      return Lamina.handler(
              eventType,
              Object.class,
              (E event, Invocation invocation) -> processor.process(event, invocation))
          .environment(environment())
          .build();
    }

    /** A {@code RequestHandler} for the runtime to (de)serialise. */
    public RequestHandler<E, Object> buildRequestHandler() {
      BatchProcessor<E> processor = build();
      return Lamina.handler(
              eventType,
              Object.class,
              (E event, Invocation invocation) -> processor.process(event, invocation))
          .environment(environment())
          .buildRequestHandler();
    }

    /**
     * A plain {@code Function}, outside Lambda: each call is a detached invocation whose deadline
     * is {@code timeout} away (the time guard's reference).
     *
     * @param timeout how long one batch may take; not {@code null}
     */
    public Function<E, Object> buildFunction(Duration timeout) {
      BatchProcessor<E> processor = build();
      Clock clock = environment().clock();
      Objects.requireNonNull(timeout, "timeout");
      return event -> {
        try {
          return processor.process(event, Invocation.detached(clock, timeout));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new BatchException("Interrupted while processing a batch");
        }
      };
    }

    private HandlerEnvironment environment() {
      return environment != null ? environment : HandlerEnvironment.system();
    }
  }

  @SuppressWarnings("unchecked")
  static <E> RecordSource<E> sourceFor(Class<E> eventType) {
    if (SQSEvent.class.isAssignableFrom(eventType)) {
      return (RecordSource<E>) new SqsSource();
    }
    if (KinesisEvent.class.isAssignableFrom(eventType)) {
      return (RecordSource<E>) new StreamSources.Kinesis();
    }
    if (DynamodbEvent.class.isAssignableFrom(eventType)) {
      return (RecordSource<E>) new StreamSources.Dynamodb();
    }
    if (KafkaEvent.class.isAssignableFrom(eventType)) {
      return (RecordSource<E>) new StreamSources.Kafka();
    }
    throw new IllegalArgumentException(
        "["
            + eventType.getName()
            + "] is not a batch event Lamina"
            + " reports partial failures for: use SQSEvent, KinesisEvent, DynamodbEvent, KafkaEvent,"
            + " KinesisTimeWindowEvent or DynamodbTimeWindowEvent");
  }

  static Class<?> recordClassOf(Class<?> eventType) {
    if (SQSEvent.class.isAssignableFrom(eventType)) {
      return SQSEvent.SQSMessage.class;
    }
    if (KinesisEvent.class.isAssignableFrom(eventType)) {
      return KinesisEvent.KinesisEventRecord.class;
    }
    if (DynamodbEvent.class.isAssignableFrom(eventType)) {
      return DynamodbEvent.DynamodbStreamRecord.class;
    }
    return KafkaEvent.KafkaEventRecord.class;
  }
}
