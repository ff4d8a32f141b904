package dev.lamina.core.codec;

import dev.lamina.core.LaminaException;

/**
 * A payload could not be read or a result could not be written. The message names the Java
 * type and the JSON path (such as {@code $.items[2].price}); it never contains the payload.
 */
public abstract class CodecException extends LaminaException {
  private static final long serialVersionUID = 1L;

  private final String targetType;
  private final String jsonPath;

  /**
   * @param message what is wrong, naming {@code targetType} and {@code jsonPath}; no payload
   * @param targetType the Java type, as a readable name
   * @param jsonPath where in the document, starting with {@code $}
   * @param cause the underlying failure, scrubbed of payload text
   */
  protected CodecException(String message, String targetType, String jsonPath, Throwable cause) {
    super(message, cause);
    this.targetType = targetType;
    this.jsonPath = jsonPath;
  }

  /** The Java type being read or written, as a readable name; never {@code null}. */
  public String targetType() {
    return targetType;
  }

  /** Where in the document the problem is, as a JSON path from {@code $}; never {@code null}. */
  public String jsonPath() {
    return jsonPath;
  }
}
