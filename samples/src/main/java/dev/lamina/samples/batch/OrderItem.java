package dev.lamina.samples.batch;

/**
 * An item of the orders table as a DynamoDB stream record carries it: Lamina decodes the record's
 * new image (its old image for a removal) from DynamoDB's typed JSON ({@code {"S":"PLACED"}}) to
 * plain values, and then to this record. Immutable.
 *
 * @param orderId the table's partition key
 * @param status the order's status, such as {@code PLACED} or {@code SHIPPED}; {@code null} if
 *     the item has none
 * @param quantity how many items were ordered; 0 if the item has none
 */
public record OrderItem(String orderId, String status, int quantity) {}
