package dev.lamina.samples.batch;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lamina.batch.BatchHandler;
import dev.lamina.batch.RecordContext;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.TimeGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the order messages of an SQS FIFO queue in order within each message group (one group
 * per customer, say). Deploy it with the handler {@code
 * dev.lamina.samples.batch.FifoOrdersHandler}.
 *
 * <p>Records run one after another, in the batch's order. An order without an id or with a
 * quantity that is not positive fails, and with the default FIFO mode ({@code
 * STOP_AT_FIRST_FAILURE}) the batch stops there: that message and every later one, of any group,
 * are reported, so SQS delivers them again in the same order and no message is applied after one
 * that was not. When the batch's first message fails, nothing succeeded: the invocation fails and
 * the whole batch comes again. A message that keeps failing reaches the dead-letter queue after
 * the queue's {@code maxReceiveCount}, and its group moves on.
 *
 * <p>Once only the {@code @TimeGuard} margin (one second) is left, no further message starts;
 * those not done are reported for retry. Logs one line per applied order, {@code "Order
 * applied"}, with the message id ({@code record_id}), its message group and the delivery count,
 * never the order's contents. Thread-safe; it keeps no state.
 */
@TimeGuard(safetyMarginMillis = 1_000)
public class FifoOrdersHandler extends BatchHandler<SQSEvent, OrderMessage> {
  private static final Logger log = LoggerFactory.getLogger(FifoOrdersHandler.class);

  /** The constructor the Lambda runtime calls. */
  public FifoOrdersHandler() {
    super();
  }

  /**
   * For tests: a handler with an injected clock, environment and checkpoint registry.
   *
   * @param environment the environment; not {@code null}
   */
  public FifoOrdersHandler(HandlerEnvironment environment) {
    super(environment);
  }

  @Override
  protected void handleRecord(OrderMessage order, RecordContext context) {
    String group =
        context
            .messageGroupId()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The message has no MessageGroupId: this function reads a FIFO queue"));
    if (order == null || order.orderId() == null || order.quantity() <= 0) {
      throw new IllegalArgumentException("[orderId] and a positive [quantity] are required");
    }
    // The side effect, here a log line standing in for applying the order.
    log.atInfo()
        .addKeyValue("message_group_id", group)
        .addKeyValue("attempt", context.attempt().orElse(1))
        .log("Order applied");
  }
}
