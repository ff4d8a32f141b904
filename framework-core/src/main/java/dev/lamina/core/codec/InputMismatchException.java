package dev.lamina.core.codec;

import dev.lamina.core.http.Problem;
import dev.lamina.core.http.ProblemSource;

/**
 * The input is valid JSON but does not fit the handler's declared input type. The message
 * names the type and the JSON path, never the payload. An HTTP handler answers it as 400 Bad
 * Request ({@link #problem()}).
 */
public final class InputMismatchException extends CodecException implements ProblemSource {
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

  /**
   * 400 Bad Request, naming the JSON path that does not fit (also the {@code jsonPath} extension
   * member), with neither the payload nor the handler's type names.
   *
   * @return the problem
   */
  @Override
  public Problem problem() {
    return Problem.builder(400)
        .detail("The JSON at [" + jsonPath() + "] does not have the expected type")
        .extension("jsonPath", jsonPath())
        .build();
  }
}
