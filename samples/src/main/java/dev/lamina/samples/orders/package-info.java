/**
 * The orders sample: an idempotent function. A client that retries placing an order (same
 * {@code orderId}) gets the first receipt back instead of a second order.
 */
package dev.lamina.samples.orders;
