package dev.lamina.batch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lamina.batch.internal.BatchProxySettings;
import dev.lamina.batch.internal.ProxiedEvent;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Resources;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds partial batch failure reporting to an existing function with configuration only: set the
 * function's handler to {@code dev.lamina.batch.BatchProxyHandler::handleRequest}, name the
 * original handler in {@code LAMINA_BATCH_HANDLER}, add Lamina as a layer, and turn on {@code
 * ReportBatchItemFailures} on the event source mapping (without it Lambda ignores the response).
 * The original jar is unchanged.
 *
 * <p>The original handler is a {@code RequestHandler<SQSEvent, ?>}, {@code
 * RequestHandler<KinesisEvent, ?>} or {@code RequestHandler<DynamodbEvent, ?>}. For each batch, the
 * proxy reads the event with Lamina's codec and calls the original handler once per record, with
 * an event of the original type holding that record alone and the invocation's {@code Context}.
 * A call that returns succeeds; one that throws an {@code Exception} fails that record only, and
 * the proxy answers Lambda with the failed records, so only those are retried; an {@code Error}
 * fails the invocation. The original handler's return value is ignored. Ordering follows {@link
 * BatchProcessor}: a FIFO queue stops at the first failure (or skips the failed message group),
 * a stream stops at its first failure and reports its sequence number (or continues), a
 * standard queue fails only the failed messages. When every record fails, the invocation fails
 * and the whole batch is retried, as it was before the proxy. Records not started when the time
 * guard's margin is reached are reported for retry.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><td>{@code LAMINA_BATCH_HANDLER}</td><td>required: {@code com.example.ShipOrders} or
 *       {@code com.example.ShipOrders::handleRequest}, with a public no-arg constructor</td></tr>
 *   <tr><td>{@code LAMINA_BATCH_PARALLELISM}</td><td>1 (default) to 64 worker threads; above 1
 *       the original handler is called from several threads at once and must be
 *       thread-safe</td></tr>
 *   <tr><td>{@code LAMINA_BATCH_FIFO_MODE}</td><td>{@code STOP_AT_FIRST_FAILURE} (default) or
 *       {@code SKIP_FAILED_GROUP}</td></tr>
 *   <tr><td>{@code LAMINA_BATCH_STREAM_MODE}</td><td>{@code STOP_AT_FIRST_FAILURE} (default) or
 *       {@code CONTINUE}</td></tr>
 *   <tr><td>{@code LAMINA_BATCH_TIME_GUARD_MILLIS}</td><td>no record starts once this little time
 *       is left; default 1000, 0 turns the guard off. Keep it well under the function's timeout:
 *       with a 1 s timeout the default would start no record at all</td></tr>
 *   <tr><td>{@code LAMINA_BATCH_NON_RETRYABLE}</td><td>comma-separated exception classes whose
 *       records are logged and not retried, such as {@code
 *       com.example.InvalidOrderException}</td></tr>
 *   <tr><td>{@code LAMINA_BATCH_IDEMPOTENT}</td><td>{@code false} (default) or {@code true}: a
 *       record processed before is not processed again (needs framework-idempotency)</td></tr>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_TABLE}</td><td>with idempotency, required: the DynamoDB
 *       table</td></tr>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_EXPIRY_SECONDS}</td><td>with idempotency: how long a
 *       processed record counts; default 3600</td></tr>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_KEY}</td><td>with idempotency: a path into each record's
 *       payload, such as {@code /orderId}; unset keys on the record's source identifier (SQS
 *       {@code messageId}, Kinesis shard and sequence, DynamoDB Streams {@code eventID})</td></tr>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_ENDPOINT}</td><td>with idempotency, local runs only:
 *       DynamoDB Local's URL</td></tr>
 * </table>
 *
 * <p>Every variable is read and checked at init, with the original handler class, its input type
 * and the exception classes loaded: a problem fails the init with one {@link
 * BatchConfigurationException} listing them all. An unknown {@code LAMINA_BATCH_} variable (a
 * typo) is one of them, and so, with idempotency on, is a {@code LAMINA_IDEMPOTENCY_} variable the
 * proxy does not read. Without idempotency, framework-idempotency is never loaded.
 *
 * <p>With a time guard (the default) or a parallelism above 1, records run on worker threads the
 * proxy starts for each batch, not on the runtime's thread; a record still running at the deadline
 * is reported for retry and its thread is interrupted. The original handler, written for whole
 * batches, now sees one record per call: work it did once per batch (opening a connection, a
 * batch write) happens once per record.
 *
 * <p>Thread-safe; created once per execution environment by the runtime. Its constructor argument
 * is not {@code null}.
 *
 * <pre>{@code
 * # SAM: the existing function, now reporting only the failed messages
 * Handler: dev.lamina.batch.BatchProxyHandler::handleRequest
 * Layers: [!Ref LaminaLayer]
 * Environment:
 *   Variables:
 *     LAMINA_BATCH_HANDLER: com.example.ShipOrders::handleRequest
 *     LAMINA_BATCH_NON_RETRYABLE: com.example.InvalidOrderException
 * Events:
 *   Orders:
 *     Type: SQS
 *     Properties:
 *       Queue: !GetAtt OrdersQueue.Arn
 *       FunctionResponseTypes: [ReportBatchItemFailures]
 * }</pre>
 */
public final class BatchProxyHandler implements RequestStreamHandler {
  private static final Logger log = LoggerFactory.getLogger(BatchProxyHandler.class);

  private final RequestStreamHandler delegate;
  private final Resources resources;

  /** Created by the Lambda runtime: reads {@code System.getenv()}. */
  public BatchProxyHandler() {
    this(HandlerEnvironment.system());
  }

  /**
   * Creates the proxy with the given environment (tests).
   *
   * @param environment the environment; not {@code null}
   * @throws BatchConfigurationException if a setting is missing or bad, or the original handler
   *     cannot be loaded or created, naming each problem
   */
  public BatchProxyHandler(HandlerEnvironment environment) {
    Objects.requireNonNull(environment, "environment");
    // The idempotency store's client is an init-once resource, as with @Batch(idempotent). The
    // field keeps its hooks reachable (the CRaC registry holds them weakly).
    this.resources = new Resources(environment.checkpointRegistry());
    ClassLoader loader =
        Thread.currentThread().getContextClassLoader() != null
            ? Thread.currentThread().getContextClassLoader()
            : BatchProxyHandler.class.getClassLoader();
    BatchProxySettings settings =
        BatchProxySettings.read(environment.variables(), loader, resources);
    RequestHandler<?, ?> original = settings.instantiateHandler();
    this.delegate = delegate(original, settings, environment);
    BatchConfig config = settings.config();
    log.atInfo()
        .addKeyValue("batch_handler", settings.handlerClass().getName())
        .log(
            "Batch proxy for [{}] on {}: parallelism {}, FIFO {}, stream {}, time guard {} ms,"
                + " {} non-retryable type(s), idempotency {}",
            settings.handlerClass().getName(),
            settings.event().eventType().getSimpleName(),
            config.parallelism(),
            config.fifoMode(),
            config.streamMode(),
            config.timeGuardMargin().toMillis(),
            config.nonRetryable().size(),
            config.idempotency() == null ? "off" : "on");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static RequestStreamHandler delegate(
      RequestHandler<?, ?> original, BatchProxySettings settings, HandlerEnvironment environment) {
    ProxiedEvent event = settings.event();
    RequestHandler raw = original;
    // The record class is the payload type: the decoder hands each record over as delivered.
    RecordHandler<Object> perRecord =
        (record, context) ->
            raw.handleRequest(event.single(record), context.invocation().context());
    return BatchProcessor.builder((Class<Object>) event.eventType(), event.recordType(), perRecord)
        .config(settings.config())
        .handlerClass(original.getClass())
        .environment(environment)
        .buildStreamHandler();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    delegate.handleRequest(input, output, context);
  }
}
