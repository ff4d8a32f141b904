package dev.lamina.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the runtime posted back for one invocation: a response ({@code /response}) or an error
 * ({@code /error}).
 *
 * <p>Immutable and thread-safe. For an error, {@link #errorType()}, {@link #errorMessage()} and
 * {@link #stackTrace()} come from the JSON error document the runtime sends ({@code errorType} is the
 * exception's class name), {@link #functionErrorType()} from the
 * {@code Lambda-Runtime-Function-Error-Type} header; any of them is null if the runtime did not send
 * it. For a response they are all null and the stack trace is empty.
 *
 * <pre>{@code
 * InvocationResult result = lambda.invoke("{\"name\":\"Ada\"}");
 * assertFalse(result.isError(), result::toString);
 * assertEquals("\"Hello Ada\"", result.body());
 * }</pre>
 */
public final class InvocationResult {

  private final String requestId;
  private final boolean error;
  private final byte[] body;
  private final String errorType;
  private final String errorMessage;
  private final List<String> stackTrace;
  private final String functionErrorType;
  private final Instant receivedAt;

  private InvocationResult(
      String requestId,
      boolean error,
      byte[] body,
      String errorType,
      String errorMessage,
      List<String> stackTrace,
      String functionErrorType,
      Instant receivedAt) {
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.error = error;
    this.body = body.clone();
    this.errorType = errorType;
    this.errorMessage = errorMessage;
    this.stackTrace = List.copyOf(stackTrace);
    this.functionErrorType = functionErrorType;
    this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** A successful response. */
  public static InvocationResult response(String requestId, byte[] body, Instant receivedAt) {
    return new InvocationResult(requestId, false, body, null, null, List.of(), null, receivedAt);
  }

  /** An error; every field but the request id, body and time may be null. */
  public static InvocationResult error(
      String requestId,
      byte[] body,
      String errorType,
      String errorMessage,
      List<String> stackTrace,
      String functionErrorType,
      Instant receivedAt) {
    return new InvocationResult(
        requestId,
        true,
        body,
        errorType,
        errorMessage,
        stackTrace == null ? List.of() : stackTrace,
        functionErrorType,
        receivedAt);
  }

  public String requestId() {
    return requestId;
  }

  /** True if the runtime posted to {@code /error}. */
  public boolean isError() {
    return error;
  }

  /** The posted body as UTF-8 text: the response, or the JSON error document for an error. */
  public String body() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** A copy of the posted body. */
  public byte[] bodyBytes() {
    return body.clone();
  }

  /** The exception's class name for an error, else null. */
  public String errorType() {
    return errorType;
  }

  /** The exception's message for an error, else null. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The stack trace lines of an error; empty for a response. */
  public List<String> stackTrace() {
    return stackTrace;
  }

  /** The {@code Lambda-Runtime-Function-Error-Type} header of an error, or null. */
  public String functionErrorType() {
    return functionErrorType;
  }

  /** When the Runtime API server received the post, on its clock. */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** Names the request, the kind and the error type; never the body, which may hold user data. */
  @Override
  public String toString() {
    return error
        ? "InvocationResult[" + requestId + ", error " + errorType + ": " + errorMessage + "]"
        : "InvocationResult[" + requestId + ", response, " + body.length + " bytes]";
  }
}
