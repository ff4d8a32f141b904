package dev.lamina.test.internal;

import dev.lamina.test.eventsource.EventSourceException;

/**
 * Checks that an optional AWS SDK module is on the class path before code that links against it
 * runs, so a missing dependency fails with a message that says what to add rather than with a
 * {@code NoClassDefFoundError}. Stateless.
 */
public final class SdkPresence {

  private SdkPresence() {}

  /**
   * Throws unless {@code className} can be loaded.
   *
   * @param artifacts what to add, such as {@code software.amazon.awssdk:sqs}
   * @param what the feature that needs it, for the message
   */
  public static void require(String className, String artifacts, String what) {
    try {
      Class.forName(className, false, SdkPresence.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new EventSourceException(
          what
              + " needs ["
              + artifacts
              + "] on the test class path: "
              + "add them with test scope (the test kit declares them optional); "
              + className
              + " was not found");
    }
  }
}
