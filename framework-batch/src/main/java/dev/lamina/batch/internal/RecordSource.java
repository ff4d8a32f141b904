package dev.lamina.batch.internal;

import dev.lamina.batch.BatchConfig;
import dev.lamina.core.Invocation;
import java.util.List;
import java.util.Map;

/**
 * One event source's part of batch processing: how to enumerate its records, what identifies and
 * orders them, and how to write the response Lambda expects. Everything else (decoding, dispatch,
 * failures, ordering policy, time guard, checks) is the engine's. Implementations are stateless.
 *
 * @param <E> the event type
 */
public interface RecordSource<E> {

  /** The source's name in logs and messages, such as {@code SQS}. */
  String name();

  /**
   * The event's records in delivery order.
   *
   * @param windowState the tumbling window's state that handlers share, or {@code null}
   */
  List<SourceRecord> records(E event, Invocation invocation, Map<String, String> windowState);

  /** The ordering policy for this event under these settings. */
  Ordering ordering(E event, BatchConfig config);

  /** The window's state Lambda sent, for tumbling-window events; {@code null} otherwise. */
  default Map<String, String> windowState(E event) {
    return null;
  }

  /**
   * The response reporting {@code failed}.
   *
   * @param failed the records to report, in reporting order
   * @param windowState the window's new state, for tumbling-window events
   */
  Object response(List<SourceRecord> failed, Map<String, String> windowState);

  /** The identifiers a response reports, read back from it for the fail-closed check. */
  List<Object> reportedIdentifiers(Object response);
}
