package dev.lamina.core;

/**
 * An init-once resource could not be created, primed or refreshed. The message names the
 * resource; the cause is the factory's own exception.
 */
public final class ResourceException extends LaminaException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, naming the resource in brackets
   * @param cause the underlying failure
   */
  public ResourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
