package dev.lamina.samples.orders;

import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.TimeGuard;
import dev.lamina.idempotency.Idempotent;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places an order once per {@code orderId}: a retry gets the first receipt (same confirmation
 * number), a reused id with a different order is rejected, and a retry while the first attempt is
 * still running is told so. Needs {@code LAMINA_IDEMPOTENCY_TABLE}.
 */
@TimeGuard(safetyMarginMillis = 500)
@Idempotent(key = "/orderId")
public class PlaceOrderHandler extends LambdaHandler<PlaceOrder, OrderPlaced> {
  private static final Logger log = LoggerFactory.getLogger(PlaceOrderHandler.class);

  /** The constructor the Lambda runtime calls. */
  public PlaceOrderHandler() {
    super();
  }

  /**
   * For tests: a handler with an injected clock, environment and checkpoint registry.
   *
   * @param environment the environment; not {@code null}
   */
  public PlaceOrderHandler(HandlerEnvironment environment) {
    super(environment);
  }

  @Override
  protected OrderPlaced handle(PlaceOrder order, Invocation invocation) {
    if (order.orderId() == null || order.quantity() <= 0) {
      throw new IllegalArgumentException("[orderId] and a positive [quantity] are required");
    }
    invocation.checkRemainingTime();
    log.atInfo().addKeyValue("quantity", order.quantity()).log("Placing an order");
    // The side effect that must not happen twice: here, minting a confirmation number.
    return new OrderPlaced(order.orderId(), UUID.randomUUID().toString(), invocation.requestId());
  }
}
