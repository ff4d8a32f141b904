package dev.lamina.samples.batch;

import dev.lamina.batch.RecordContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kinesis sample with a counter store that times out the first time it sees a click on the
 * page {@code /flaky}: Kinesis records carry no delivery count, so this remembers the sequence
 * numbers it failed, in the function's JVM (which serves every batch of a test). Everything else
 * is the sample's. Thread-safe.
 */
public class FlakyKinesisEventsHandler extends KinesisEventsHandler {
  private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();

  @Override
  protected void handleRecord(ClickEvent click, RecordContext context) {
    if (click != null && "/flaky".equals(click.page()) && FAILED_ONCE.add(context.recordId())) {
      throw new IllegalStateException("The counter store timed out");
    }
    super.handleRecord(click, context);
  }
}
