package dev.lamina.samples.orders;

/**
 * A request to place an order.
 *
 * @param orderId the client's id for the order: the idempotency key
 * @param sku what to order
 * @param quantity how many
 */
public record PlaceOrder(String orderId, String sku, int quantity) {}
