package dev.lamina.idempotency;

import dev.lamina.core.LaminaException;

/**
 * The root of the idempotency module's exceptions. Messages bracket the subject (a record id, a
 * setting, a table) and say how to fix it; they never contain a payload, a key's plain value or a
 * stored result. The user's own handler exceptions are never wrapped in this type.
 */
public class IdempotencyException extends LaminaException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong and how to fix it */
  public IdempotencyException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong and how to fix it
   * @param cause the underlying failure; may be {@code null}
   */
  public IdempotencyException(String message, Throwable cause) {
    super(message, cause);
  }
}
