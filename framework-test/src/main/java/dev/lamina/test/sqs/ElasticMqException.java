package dev.lamina.test.sqs;

import dev.lamina.test.LocalLambdaException;

/**
 * ElasticMQ could not be started or did not become ready. The message names the setting or the
 * step that failed and carries the server's last output lines.
 */
public class ElasticMqException extends LocalLambdaException {

  private static final long serialVersionUID = 1L;

  /** With a message that names the culprit. */
  public ElasticMqException(String message) {
    super(message);
  }

  /** With a message that names the culprit, and its cause. */
  public ElasticMqException(String message, Throwable cause) {
    super(message, cause);
  }
}
