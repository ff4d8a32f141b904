package dev.lamina.benchmarks;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lamina.batch.BatchConfig;
import dev.lamina.batch.BatchProcessor;
import dev.lamina.batch.RecordContext;
import dev.lamina.batch.RecordHandler;
import dev.lamina.core.Invocation;
import dev.lamina.test.FakeContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the record engine adds per record: a 1,000-message SQS batch (text bodies, so no JSON
 * decoding on either side) processed by a hand-written loop that catches each record's exception
 * and builds the {@code SQSBatchResponse}, and by {@link BatchProcessor} sequentially, with the
 * time guard on (records then run on one worker thread), and with 4 workers. The record handler
 * does the same trivial work everywhere; none of the messages fail, or one in a hundred. The
 * difference divided by 1,000 is the engine's per-record overhead.
 *
 * <p>Run with {@code mvn -q -DskipTests -Pjmh verify -pl benchmarks
 * -Djmh.args="-f 1 -wi 3 -w 2s -i 5 -r 2s BatchBenchmark"} after an install ({@code jmh.args}
 * replaces the profile's defaults, so they are repeated); figures in {@code docs/performance.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BatchBenchmark {
  private static final int RECORDS = 1_000;

  private SQSEvent event;
  private Invocation invocation;
  private BatchProcessor<SQSEvent> sequential;
  private BatchProcessor<SQSEvent> guarded;
  private BatchProcessor<SQSEvent> parallel;
  private Blackhole blackhole;

  /**
   * One message in this many fails (0: none). With failures, Lamina also writes one WARN line per
   * failed record, which the hand-written loop does not.
   */
  @Param({"0", "100"})
  public int failEvery;

  /** The work per record: consume the body; fail as planned. */
  private void work(String body, int index) {
    blackhole.consume(body.length());
    if (failEvery > 0 && index % failEvery == 0) {
      throw new IllegalStateException("planned failure");
    }
  }

  @Setup
  public void setUp(Blackhole bh) {
    this.blackhole = bh;
    List<SQSEvent.SQSMessage> messages = new ArrayList<>(RECORDS);
    for (int i = 0; i < RECORDS; i++) {
      SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
      m.setMessageId("m-" + i);
      m.setReceiptHandle("handle-" + i);
      m.setBody("order " + i);
      m.setEventSource("aws:sqs");
      m.setEventSourceArn("arn:aws:sqs:eu-west-1:123456789012:orders");
      m.setAttributes(Map.of("ApproximateReceiveCount", "1", "SentTimestamp", "1764590400000"));
      m.setMessageAttributes(Map.of());
      messages.add(m);
    }
    event = new SQSEvent();
    event.setRecords(messages);
    invocation =
        new Invocation(
            FakeContext.builder().timeout(Duration.ofDays(1)).build(), Clock.systemUTC(), false);
    RecordHandler<String> handler =
        (String body, RecordContext context) -> work(body, Integer.parseInt(body.substring(6)));
    sequential = processor(handler, BatchConfig.defaults());
    guarded =
        processor(handler, BatchConfig.custom().timeGuardMargin(Duration.ofSeconds(1)).build());
    parallel = processor(handler, BatchConfig.custom().parallelism(4).build());
  }

  private static BatchProcessor<SQSEvent> processor(
      RecordHandler<String> handler, BatchConfig config) {
    return BatchProcessor.builder(SQSEvent.class, String.class, handler)
        .config(config)
        .handlerClass(BatchBenchmark.class)
        .build();
  }

  @Benchmark
  public Object handWrittenLoop() {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage m : event.getRecords()) {
      try {
        work(m.getBody(), Integer.parseInt(m.getBody().substring(6)));
      } catch (RuntimeException e) {
        failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }

  @Benchmark
  public Object laminaSequential() throws InterruptedException {
    return sequential.process(event, invocation);
  }

  @Benchmark
  public Object laminaWithTimeGuard() throws InterruptedException {
    return guarded.process(event, invocation);
  }

  @Benchmark
  public Object laminaFourWorkers() throws InterruptedException {
    return parallel.process(event, invocation);
  }
}
