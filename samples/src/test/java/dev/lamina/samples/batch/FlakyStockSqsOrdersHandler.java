package dev.lamina.samples.batch;

import dev.lamina.batch.RecordContext;

/**
 * The standard-queue sample with a stock service that is down for the first delivery of an order
 * for a {@code restocking} SKU: that message fails once and succeeds when SQS delivers it again.
 * The sample itself only fails on the message's contents, which never change between deliveries,
 * so the mapping test needs this to show a transient failure. Everything else, decoding, batching
 * and the log line, is the sample's. Thread-safe.
 */
public class FlakyStockSqsOrdersHandler extends SqsOrdersHandler {
  /** The SKU whose first delivery fails. */
  static final String RESTOCKING = "restocking";

  @Override
  protected void handleRecord(OrderMessage order, RecordContext context) {
    if (order != null && RESTOCKING.equals(order.sku()) && context.attempt().orElse(1) == 1) {
      throw new IllegalStateException("The stock service is unavailable");
    }
    super.handleRecord(order, context);
  }
}
