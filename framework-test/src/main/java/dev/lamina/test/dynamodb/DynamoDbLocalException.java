package dev.lamina.test.dynamodb;

import dev.lamina.test.LocalLambdaException;

/**
 * DynamoDB Local could not be started or did not become ready. The message names the setting or the
 * step that failed and carries the server's last output lines.
 */
public class DynamoDbLocalException extends LocalLambdaException {

  private static final long serialVersionUID = 1L;

  public DynamoDbLocalException(String message) {
    super(message);
  }

  public DynamoDbLocalException(String message, Throwable cause) {
    super(message, cause);
  }
}
