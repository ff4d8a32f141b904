package dev.lamina.core;

/**
 * The pipeline was misused or misconfigured: an interceptor called {@code proceed()} twice, a
 * feature annotation names a factory that cannot be created, a handler class does not declare
 * its input and output types. The message names the culprit in brackets.
 */
public class PipelineException extends LaminaException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong and how to fix it */
  public PipelineException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong and how to fix it
   * @param cause the underlying failure
   */
  public PipelineException(String message, Throwable cause) {
    super(message, cause);
  }
}
