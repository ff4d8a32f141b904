package dev.lamina.core.internal;

/** Rethrows any throwable unchanged, checked or not, without wrapping it. */
public final class Sneaky {
  private Sneaky() {}

  /**
   * Throws {@code t} as it is. Declared to return an exception so callers can write
   * {@code throw Sneaky.rethrow(t)} and the compiler knows the path ends.
   */
  public static RuntimeException rethrow(Throwable t) {
    throw Sneaky.<RuntimeException>doThrow(t);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T doThrow(Throwable t) throws T {
    throw (T) t;
  }
}
