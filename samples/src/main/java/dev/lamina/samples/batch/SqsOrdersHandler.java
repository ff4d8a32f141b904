package dev.lamina.samples.batch;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lamina.batch.Batch;
import dev.lamina.batch.BatchHandler;
import dev.lamina.batch.RecordContext;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.TimeGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reserves stock for the order messages of a standard SQS queue, four messages at a time. Deploy
 * it with the handler {@code dev.lamina.samples.batch.SqsOrdersHandler}.
 *
 * <p>An order without an id or with a quantity that is not positive is rejected: that message
 * alone fails, SQS delivers it again after the visibility timeout, and after the queue's {@code
 * maxReceiveCount} moves it to the dead-letter queue. A body that is not an order (not JSON)
 * fails the same way, before this code sees it. The rest of the batch succeeds, and Lambda
 * deletes those messages. The answer names the failed messages:
 * {@code {"batchItemFailures":[{"itemIdentifier":"<messageId>"}]}}. When every message fails, the
 * invocation fails instead and the whole batch is retried.
 *
 * <p>Once only the {@code @TimeGuard} margin (one second) is left, no further message starts;
 * those not done are reported for retry rather than lost to the timeout.
 *
 * <p>Thread-safe, as {@code parallelism = 4} requires: it keeps no state. Logs one line per
 * reserved order, {@code "Order reserved"}, with the message id ({@code record_id}) and the
 * delivery count, never the order's contents.
 */
@TimeGuard(safetyMarginMillis = 1_000)
@Batch(parallelism = 4)
public class SqsOrdersHandler extends BatchHandler<SQSEvent, OrderMessage> {
  private static final Logger log = LoggerFactory.getLogger(SqsOrdersHandler.class);

  /** The constructor the Lambda runtime calls. */
  public SqsOrdersHandler() {
    super();
  }

  /**
   * For tests: a handler with an injected clock, environment and checkpoint registry.
   *
   * @param environment the environment; not {@code null}
   */
  public SqsOrdersHandler(HandlerEnvironment environment) {
    super(environment);
  }

  @Override
  protected void handleRecord(OrderMessage order, RecordContext context) {
    if (order == null || order.orderId() == null || order.quantity() <= 0) {
      throw new IllegalArgumentException("[orderId] and a positive [quantity] are required");
    }
    // The side effect, here a log line standing in for the stock reservation.
    log.atInfo().addKeyValue("attempt", context.attempt().orElse(1)).log("Order reserved");
  }
}
