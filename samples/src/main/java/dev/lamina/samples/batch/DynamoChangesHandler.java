package dev.lamina.samples.batch;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.lamina.batch.BatchHandler;
import dev.lamina.batch.RecordContext;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.TimeGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells fulfilment about changes to the orders table, from its DynamoDB stream: a new order
 * ({@code INSERT}), a changed one ({@code MODIFY}) and a removed one ({@code REMOVE}). Deploy it
 * with the handler {@code dev.lamina.samples.batch.DynamoChangesHandler}.
 *
 * <p>Lamina decodes each record's new image, or its old image for a removal, into an {@link
 * OrderItem}. An inserted or modified item without a status cannot be routed, so it fails; with
 * the default stream mode ({@code STOP_AT_FIRST_FAILURE}) the batch stops there and the answer
 * reports that record's sequence number only, and Lambda delivers the shard again from it, so
 * the changes to one item are never acted on out of order. A batch whose first record fails
 * fails the invocation, and the mapping's {@code BisectBatchOnFunctionError} splits it for the
 * retry.
 *
 * <p>Once only the {@code @TimeGuard} margin (one second) is left, no further record starts; the
 * first one not done is reported. Logs one line per change acted on ({@code "Order created"},
 * {@code "Order updated"} or {@code "Order removed"}) with the sequence number ({@code
 * record_id}) and the event name, never the item's contents. Thread-safe; it keeps no state.
 */
@TimeGuard(safetyMarginMillis = 1_000)
public class DynamoChangesHandler extends BatchHandler<DynamodbEvent, OrderItem> {
  private static final Logger log = LoggerFactory.getLogger(DynamoChangesHandler.class);

  /** The constructor the Lambda runtime calls. */
  public DynamoChangesHandler() {
    super();
  }

  /**
   * For tests: a handler with an injected clock, environment and checkpoint registry.
   *
   * @param environment the environment; not {@code null}
   */
  public DynamoChangesHandler(HandlerEnvironment environment) {
    super(environment);
  }

  @Override
  protected void handleRecord(OrderItem item, RecordContext context) {
    String change = context.eventName().orElse("");
    String message;
    switch (change) {
      case "INSERT", "MODIFY" -> {
        if (item == null || item.status() == null) {
          throw new IllegalStateException("[status] is missing from the changed item");
        }
        message = change.equals("INSERT") ? "Order created" : "Order updated";
      }
      case "REMOVE" -> message = "Order removed";
      default -> throw new IllegalStateException("Unknown stream event name [" + change + "]");
    }
    // The side effect, here a log line standing in for the message to fulfilment.
    log.atInfo().addKeyValue("event_name", change).log(message);
  }
}
