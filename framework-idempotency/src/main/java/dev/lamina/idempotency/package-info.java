/**
 * Idempotent Lambda handlers on DynamoDB: a handler's side effects run once per key, and every
 * duplicate gets the first result.
 *
 * <p>Ways in: {@link dev.lamina.idempotency.Idempotent @Idempotent} on a {@code LambdaHandler}
 * subclass; {@link dev.lamina.idempotency.Idempotency} decorators for a {@code RequestHandler} or a
 * {@code Function}, and an interceptor for {@code Lamina.handler(..)}; and {@link
 * dev.lamina.idempotency.IdempotentProxyHandler}, which makes an existing function idempotent by
 * configuration only. Settings: {@link dev.lamina.idempotency.IdempotencyConfig}; keys: {@link
 * dev.lamina.idempotency.KeyExtractors}; storage: the {@link
 * dev.lamina.idempotency.IdempotencyStore} SPI and {@link
 * dev.lamina.idempotency.DynamoDbIdempotencyStore}. Types in {@code
 * dev.lamina.idempotency.internal} are not an API.
 */
package dev.lamina.idempotency;
