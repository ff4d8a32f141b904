package dev.lamina.test.eventsource;

import dev.lamina.test.LocalLambdaException;

/**
 * A local event source mapping was misconfigured, could not reach its queue or stream, or did not
 * become idle in time. The message brackets the culprit and describes the mapping's state (what is
 * still in flight, which shard is stuck where), never a record's contents.
 */
public class EventSourceException extends LocalLambdaException {

  private static final long serialVersionUID = 1L;

  /** With a message that names the culprit. */
  public EventSourceException(String message) {
    super(message);
  }

  /** With a message that names the culprit, and its cause. */
  public EventSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
