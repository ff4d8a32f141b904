package dev.lamina.samples.batch;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import dev.lamina.batch.BatchHandler;
import dev.lamina.batch.RecordContext;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.TimeGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts page views from a Kinesis data stream. Deploy it with the handler {@code
 * dev.lamina.samples.batch.KinesisEventsHandler}.
 *
 * <p>Records run one after another, in the shard's order. A click without a page fails, and so
 * does data that is not JSON; with the default stream mode ({@code STOP_AT_FIRST_FAILURE}) the
 * batch stops there and the answer reports that record's sequence number only:
 * {@code {"batchItemFailures":[{"itemIdentifier":"<sequenceNumber>"}]}}. Lambda checkpoints just
 * before it and delivers the shard again from it, so no click is skipped or counted out of order.
 * When the batch's first record fails, nothing succeeded: the invocation fails, and the mapping's
 * {@code BisectBatchOnFunctionError} splits the batch for the retry. After the mapping's {@code
 * MaximumRetryAttempts}, Lambda sends a description of the failed records to the mapping's
 * on-failure destination and moves on (see samples/template.yaml).
 *
 * <p>Once only the {@code @TimeGuard} margin (one second) is left, no further record starts; the
 * first one not done is reported. Logs one line per counted click, {@code "Click counted"}, with
 * the sequence number ({@code record_id}) and the shard, never the click's contents. Thread-safe;
 * it keeps no state.
 */
@TimeGuard(safetyMarginMillis = 1_000)
public class KinesisEventsHandler extends BatchHandler<KinesisEvent, ClickEvent> {
  private static final Logger log = LoggerFactory.getLogger(KinesisEventsHandler.class);

  /** The constructor the Lambda runtime calls. */
  public KinesisEventsHandler() {
    super();
  }

  /**
   * For tests: a handler with an injected clock, environment and checkpoint registry.
   *
   * @param environment the environment; not {@code null}
   */
  public KinesisEventsHandler(HandlerEnvironment environment) {
    super(environment);
  }

  @Override
  protected void handleRecord(ClickEvent click, RecordContext context) {
    if (click == null || click.page() == null || click.page().isBlank()) {
      throw new IllegalArgumentException("[page] is required");
    }
    // The side effect, here a log line standing in for incrementing the page's counter.
    log.atInfo().addKeyValue("shard_id", context.shardId().orElse("")).log("Click counted");
  }
}
