package dev.lamina.samples.batch;

/**
 * An order message, the JSON body of an SQS message:
 * {@code {"orderId":"o-1","sku":"tea","quantity":2}}. Immutable.
 *
 * @param orderId the order's id; may be {@code null} if the sender left it out
 * @param sku what was ordered; may be {@code null}
 * @param quantity how many; 0 if the sender left it out
 */
public record OrderMessage(String orderId, String sku, int quantity) {}
