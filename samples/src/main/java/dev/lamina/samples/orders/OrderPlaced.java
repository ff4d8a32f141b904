package dev.lamina.samples.orders;

/**
 * The receipt for a placed order.
 *
 * @param orderId the client's id for the order
 * @param confirmation the confirmation number, the same for every retry of one order
 * @param placedBy the request id of the invocation that really placed it
 */
public record OrderPlaced(String orderId, String confirmation, String placedBy) {}
