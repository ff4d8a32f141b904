package dev.lamina.core.internal.codec;

/**
 * Stands in for a parser or serializer exception whose message may quote the payload (Jackson's
 * often does: {@code Cannot deserialize value of type int from String "abc"}). It keeps the
 * original's class name and stack trace, and the same for every exception in its cause chain, but
 * none of their messages.
 */
final class ScrubbedCause extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 8;

  private ScrubbedCause(Throwable original, Throwable scrubbedCause) {
    super(
        original.getClass().getName() + " (message withheld: it may quote the payload)",
        scrubbedCause,
        false,
        true);
    setStackTrace(original.getStackTrace());
  }

  /** A message-free copy of {@code original} and of its causes; {@code null} for {@code null}. */
  static ScrubbedCause of(Throwable original) {
    return of(original, 0);
  }

  private static ScrubbedCause of(Throwable original, int depth) {
    if (original == null || depth >= MAX_DEPTH) {
      return null;
    }
    Throwable next = original.getCause() == original ? null : original.getCause();
    return new ScrubbedCause(original, of(next, depth + 1));
  }
}
