package dev.lamina.core.metrics;

import dev.lamina.core.LaminaException;

/**
 * A metric, dimension or metadata entry that CloudWatch would reject: a name or value outside
 * the Embedded Metric Format's rules, a unit changed between two values of one metric, too many
 * dimensions in a set. Thrown where the entry is recorded, so the stack trace points at the
 * code that recorded it. The message names the entry and the rule; it never quotes a value.
 */
public class InvalidMetricException extends LaminaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the entry, the rule it breaks and how to fix it; never a value
   */
  public InvalidMetricException(String message) {
    super(message);
  }
}
