package dev.lamina.benchmarks;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lamina.batch.BatchHandler;
import dev.lamina.batch.RecordContext;

/**
 * The SQS batch sample's work with nothing switched on: bodies taken as text, records run one
 * after another on the invocation's thread, no time guard. Next to the sample in the cold-start
 * table it shows what the engine itself costs and what the sample's choices (a record type to
 * decode, four workers, the time guard) add.
 */
public final class PlainSqsBatchHandler extends BatchHandler<SQSEvent, String> {
  @Override
  protected void handleRecord(String body, RecordContext context) {
    if (body.contains("\"quantity\":0")) {
      throw new IllegalArgumentException("a positive [quantity] is required");
    }
  }
}
