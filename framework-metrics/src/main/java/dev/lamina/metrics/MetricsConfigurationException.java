package dev.lamina.metrics;

import dev.lamina.core.LaminaException;

/**
 * The metrics settings do not fit the handler or its environment: no namespace, a namespace or
 * service CloudWatch would reject, an unreadable switch. Thrown during init, naming every problem
 * at once and how to fix it.
 */
public class MetricsConfigurationException extends LaminaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message every problem and its fix
   */
  public MetricsConfigurationException(String message) {
    super(message);
  }
}
