package dev.lamina.batch;

import dev.lamina.core.LaminaException;

/**
 * The root of the batch module's exceptions. Messages name the source, the record identifier or
 * the setting, never a payload. A record handler's own exceptions are never wrapped in it: they
 * fail their record.
 */
public class BatchException extends LaminaException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong and what happens now */
  public BatchException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong and what happens now
   * @param cause the underlying failure; may be {@code null}
   */
  public BatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
