package dev.lamina.test;

import java.util.List;

/**
 * The child JVM running the function exited (crashed, was killed, or failed its init) while an
 * invocation waited for it, or before one could be sent. Carries the exit code and the last lines the
 * child printed, which usually say why.
 */
public class LocalLambdaDiedException extends LocalLambdaException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final transient List<String> lastOutput;

  public LocalLambdaDiedException(String message, int exitCode, List<String> lastOutput) {
    super(message);
    this.exitCode = exitCode;
    this.lastOutput = List.copyOf(lastOutput);
  }

  /** The child's exit code (137 or similar after {@link LocalLambda#kill()}). */
  public int exitCode() {
    return exitCode;
  }

  /** The last lines of the child's stdout and stderr, oldest first; never null. */
  public List<String> lastOutput() {
    return lastOutput == null ? List.of() : lastOutput;
  }
}
