package dev.lamina.core.codec;

/**
 * The handler's result could not be written as JSON. The message names the type and the JSON
 * path, never the payload.
 */
public final class OutputEncodingException extends CodecException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, naming {@code targetType} and {@code jsonPath}; no payload
   * @param targetType the Java type, as a readable name
   * @param jsonPath where in the document, starting with {@code $}
   * @param cause the parser's exception, kept for the stack trace
   */
  public OutputEncodingException(
      String message, String targetType, String jsonPath, Throwable cause) {
    super(message, targetType, jsonPath, cause);
  }
}
