package dev.lamina.core.internal.codec;

/**
 * Thrown from inside jr's writer when it meets a value class jr does not handle; the codec then
 * writes the whole value with databind. Shared, stackless: it is control flow, never seen by users.
 */
final class NotForJr extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final NotForJr INSTANCE = new NotForJr();

  private NotForJr() {
    super("value not handled by jackson-jr", null, false, false);
  }
}
