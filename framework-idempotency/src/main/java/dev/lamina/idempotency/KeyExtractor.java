package dev.lamina.idempotency;

/**
 * Takes the idempotency key from an invocation. Lamina namespaces and hashes what it returns, so
 * the key may be any text (an order id, a message id, a client's header).
 *
 * <p>Implementations are created once, during init, and shared: they must be thread-safe. For
 * the common cases use {@link KeyExtractors}.
 *
 * <pre>{@code
 * KeyExtractor byOrder = source -> ((Order) source.input()).orderId();
 * }</pre>
 */
@FunctionalInterface
public interface KeyExtractor {

  /**
   * Returns the key.
   *
   * @param source the input and invocation; not {@code null}
   * @return the key, or {@code null} (or blank) if the input has none, which the
   *     {@link MissingKeyPolicy} then decides about
   */
  String keyOf(KeySource source);
}
