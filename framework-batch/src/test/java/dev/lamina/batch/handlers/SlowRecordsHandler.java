package dev.lamina.batch.handlers;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lamina.batch.BatchHandler;
import dev.lamina.batch.RecordContext;
import dev.lamina.core.TimeGuard;

/** Each record takes 400 ms of work; the time guard keeps 1.5 s in reserve. */
@TimeGuard(safetyMarginMillis = 1_500, watchdogMillis = 0)
public class SlowRecordsHandler extends BatchHandler<SQSEvent, String> {
  @Override
  protected void handleRecord(String body, RecordContext context) throws InterruptedException {
    Thread.sleep(400); // the work: a slow downstream call
  }
}
