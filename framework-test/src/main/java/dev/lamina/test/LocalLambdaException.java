package dev.lamina.test;

/**
 * The root of the test kit's unchecked exceptions: a local Lambda could not be started, did not
 * answer in time, or was misconfigured. Messages bracket the culprit and never contain payloads.
 */
public class LocalLambdaException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LocalLambdaException(String message) {
    super(message);
  }

  public LocalLambdaException(String message, Throwable cause) {
    super(message, cause);
  }
}
