package dev.lamina.samples.batch;

import dev.lamina.batch.RecordContext;

/**
 * The FIFO sample with a ledger that times out on the first delivery of an order for a
 * {@code restocking} SKU, so the mapping test can show a transient failure (the sample itself
 * fails only on a message's contents). Everything else is the sample's. Thread-safe.
 */
public class FlakyFifoOrdersHandler extends FifoOrdersHandler {
  @Override
  protected void handleRecord(OrderMessage order, RecordContext context) {
    if (order != null
        && FlakyStockSqsOrdersHandler.RESTOCKING.equals(order.sku())
        && context.attempt().orElse(1) == 1) {
      throw new IllegalStateException("The ledger timed out");
    }
    super.handleRecord(order, context);
  }
}
