package dev.lamina.test;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the runtime posted to {@code /runtime/init/error}: the handler could not be created (its class
 * is missing, its constructor or static initialiser threw).
 *
 * <p>Immutable and thread-safe. {@link #errorType()} is the exception's class name and
 * {@link #errorMessage()} its message, as the runtime reported them; either may be null if the runtime
 * did not send one. {@link #exitCode()} is empty until the child process has exited (the runtime exits
 * with 1 after reporting an init error); {@link LocalLambda#awaitInitError(java.time.Duration)} waits
 * for it.
 *
 * <pre>{@code
 * InitError error = lambda.awaitInitError(Duration.ofSeconds(10));
 * assertEquals("java.lang.IllegalStateException", error.errorType());
 * }</pre>
 */
public final class InitError {

  private final String errorType;
  private final String errorMessage;
  private final List<String> stackTrace;
  private final String functionErrorType;
  private final String body;
  private final Instant receivedAt;
  private final Integer exitCode;

  public InitError(
      String errorType,
      String errorMessage,
      List<String> stackTrace,
      String functionErrorType,
      String body,
      Instant receivedAt) {
    this(errorType, errorMessage, stackTrace, functionErrorType, body, receivedAt, null);
  }

  private InitError(
      String errorType,
      String errorMessage,
      List<String> stackTrace,
      String functionErrorType,
      String body,
      Instant receivedAt,
      Integer exitCode) {
    this.errorType = errorType;
    this.errorMessage = errorMessage;
    this.stackTrace = stackTrace == null ? List.of() : List.copyOf(stackTrace);
    this.functionErrorType = functionErrorType;
    this.body = Objects.requireNonNull(body, "body");
    this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    this.exitCode = exitCode;
  }

  /** A copy that also carries the child's exit code. */
  public InitError withExitCode(int exitCode) {
    return new InitError(
        errorType, errorMessage, stackTrace, functionErrorType, body, receivedAt, exitCode);
  }

  /** The exception's class name, or null. */
  public String errorType() {
    return errorType;
  }

  /** The exception's message, or null. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The stack trace lines; may be empty. */
  public List<String> stackTrace() {
    return stackTrace;
  }

  /** The {@code Lambda-Runtime-Function-Error-Type} header, or null. */
  public String functionErrorType() {
    return functionErrorType;
  }

  /** The raw error document, as UTF-8 text. */
  public String body() {
    return body;
  }

  /** When the Runtime API server received the post, on its clock. */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** The child's exit code, once known. */
  public OptionalInt exitCode() {
    return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
  }

  @Override
  public String toString() {
    return "InitError["
        + errorType
        + ": "
        + errorMessage
        + (exitCode == null ? "" : ", exit " + exitCode)
        + "]";
  }
}
