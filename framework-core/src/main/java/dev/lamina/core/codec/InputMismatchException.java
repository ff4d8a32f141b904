package dev.lamina.core.codec;

/**
 * The input is valid JSON but does not fit the handler's declared input type. The message
 * names the type and the JSON path, never the payload.
 */
public final class InputMismatchException extends CodecException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, naming {@code targetType} and {@code jsonPath}; no payload
   * @param targetType the Java type, as a readable name
   * @param jsonPath where in the document, starting with {@code $}
   * @param cause the parser's exception, kept for the stack trace
   */
  public InputMismatchException(
      String message, String targetType, String jsonPath, Throwable cause) {
    super(message, targetType, jsonPath, cause);
  }
}
