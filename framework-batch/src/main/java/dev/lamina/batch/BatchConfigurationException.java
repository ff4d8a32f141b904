package dev.lamina.batch;

/**
 * The batch proxy handler cannot start: a setting is missing or bad, or the original handler
 * cannot be loaded or created. Thrown at init, so the function's init fails and Lambda reports
 * it; the message lists every problem at once, each naming its variable or class in brackets and
 * how to fix it, never a setting's secret or a payload.
 */
public class BatchConfigurationException extends BatchException {
  private static final long serialVersionUID = 1L;

  /** @param message every problem, and how to fix each */
  public BatchConfigurationException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong and how to fix it
   * @param cause the underlying failure, such as the original handler's constructor's exception;
   *     may be {@code null}
   */
  public BatchConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
