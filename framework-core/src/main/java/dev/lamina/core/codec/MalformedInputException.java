package dev.lamina.core.codec;

import dev.lamina.core.http.Problem;
import dev.lamina.core.http.ProblemSource;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input is not valid JSON. The message names the type and the JSON path, never the payload.
 * An HTTP handler answers it as 400 Bad Request ({@link #problem()}).
 */
public final class MalformedInputException extends CodecException implements ProblemSource {
  private static final long serialVersionUID = 1L;
  private static final Pattern LOCATION = Pattern.compile("\\(line \\d+, column \\d+\\)");

  /**
   * @param message what is wrong, naming {@code targetType} and {@code jsonPath}; no payload
   * @param targetType the Java type, as a readable name
   * @param jsonPath where in the document, starting with {@code $}
   * @param cause the parser's exception, kept for the stack trace
   */
  public MalformedInputException(
      String message, String targetType, String jsonPath, Throwable cause) {
    super(message, targetType, jsonPath, cause);
  }

  /**
   * 400 Bad Request, saying where the JSON breaks (path, and line and column where known) with
   * neither the payload nor the handler's type names; the path is also the {@code jsonPath}
   * extension member.
   *
   * @return the problem
   */
  @Override
  public Problem problem() {
    Matcher at = LOCATION.matcher(String.valueOf(getMessage()));
    return Problem.builder(400)
        .detail(
            "The request is not valid JSON near ["
                + jsonPath()
                + "]"
                + (at.find() ? " " + at.group() : ""))
        .extension("jsonPath", jsonPath())
        .build();
  }
}
