package dev.lamina.core;

/**
 * The root of every exception Lamina throws on its own account.
 *
 * <p>Unchecked, so it passes through user code untouched. Messages name the subject in
 * brackets and say how to fix it; they never contain a payload or a secret. An exception
 * thrown by the user's own handler is never wrapped in this type: it reaches the Lambda
 * runtime unchanged.
 */
public class LaminaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong and how to fix it; never a payload or secret
   */
  public LaminaException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and its cause.
   *
   * @param message what went wrong and how to fix it; never a payload or secret
   * @param cause the underlying failure, kept for the stack trace; may be {@code null}
   */
  public LaminaException(String message, Throwable cause) {
    super(message, cause);
  }
}
