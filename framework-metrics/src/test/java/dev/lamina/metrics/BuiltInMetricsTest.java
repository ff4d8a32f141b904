package dev.lamina.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lamina.batch.BatchConfig;
import dev.lamina.batch.BatchProcessor;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Lamina;
import dev.lamina.core.TimeGuardConfig;
import dev.lamina.core.metrics.LaminaMetric;
import dev.lamina.idempotency.IdempotencyConfig;
import dev.lamina.idempotency.IdempotencyInProgressException;
import dev.lamina.idempotency.IdempotencyPayloadMismatchException;
import dev.lamina.idempotency.InMemoryIdempotencyStore;
import dev.lamina.idempotency.KeyExtractors;
import dev.lamina.test.CapturedStdout;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import dev.lamina.test.MutableClock;
import dev.lamina.test.metrics.EmfLine;
import dev.lamina.test.metrics.EmfSchema;
import dev.lamina.testkit.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Lamina's own metrics, counted by idempotency, batch and the time guard through the feature. */
class BuiltInMetricsTest {
  private static final EmfSchema SCHEMA = EmfSchema.load();

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-02T10:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler();

  private HandlerEnvironment environment() {
    return HandlerEnvironment.builder()
        .variables(Map.of("AWS_LAMBDA_FUNCTION_NAME", "shop"))
        .clock(clock)
        .scheduler(scheduler)
        .build();
  }

  private FakeContext context(String requestId) {
    return FakeContext.builder()
        .requestId(requestId)
        .functionName("shop")
        .clock(clock)
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  /** The invocation's own metric line (not the cold start), checked against the schema. */
  private static EmfLine invocationLine(List<String> out) {
    List<EmfLine> lines = new ArrayList<>();
    for (EmfLine l : EmfLine.allIn(out)) {
      assertEquals(List.of(), SCHEMA.problems(l.text()), l.text());
      if (!l.metrics().containsKey("ColdStart")) {
        lines.add(l);
      }
    }
    assertEquals(1, lines.size(), "one invocation line: " + lines);
    return lines.get(0);
  }

  private RequestStreamHandler idempotent(
      MetricsConfig metrics, CountDownLatch entered, CountDownLatch release) {
    return Lamina.<Map<String, Object>, Map<String, Object>>handler(
            Map.class,
            Map.class,
            (in, inv) -> {
              entered.countDown();
              assertTrue(release.await(10, TimeUnit.SECONDS));
              return Map.of("done", in.get("id"));
            })
        .feature(metrics)
        .feature(
            IdempotencyConfig.custom()
                .store(new InMemoryIdempotencyStore())
                .namespace("orders")
                .key(KeyExtractors.path("/id"))
                .build())
        .environment(environment())
        .build();
  }

  private static String invoke(
      RequestStreamHandler h, String json, FakeContext context, List<String> out) {
    try (CapturedStdout captured = new CapturedStdout()) {
      try {
        return Invoke.stream(h, json, context);
      } finally {
        out.addAll(captured.lines());
      }
    }
  }

  @Test
  void idempotency_countsReplaysInProgressRejectionsAndMismatches() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RequestStreamHandler h =
        idempotent(MetricsConfig.custom().namespace("Shop").build(), entered, release);
    List<String> rest = new ArrayList<>();

    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () -> Invoke.stream(h, "{\"id\":\"o-1\",\"n\":1}", context("first")));
    assertTrue(entered.await(10, TimeUnit.SECONDS));
    // A client retry while the first still runs: another request id, the same key and body.
    assertThrows(
        IdempotencyInProgressException.class,
        () -> invoke(h, "{\"id\":\"o-1\",\"n\":1}", context("retry-1"), rest));
    EmfLine inProgress = invocationLine(rest);
    assertEquals(List.of(1.0), inProgress.metric("IdempotencyInProgress").values());
    assertFalse(inProgress.metrics().containsKey("IdempotencyReplays"));

    release.countDown();
    first.get(10, TimeUnit.SECONDS);

    rest.clear();
    invoke(h, "{\"id\":\"o-1\",\"n\":1}", context("retry-2"), rest);
    EmfLine replay = invocationLine(rest);
    assertEquals(List.of(1.0), replay.metric("IdempotencyReplays").values());
    assertEquals("retry-2", replay.properties().get("function_request_id").asText());

    rest.clear();
    assertThrows(
        IdempotencyPayloadMismatchException.class,
        () -> invoke(h, "{\"id\":\"o-1\",\"n\":2}", context("other-body"), rest));
    EmfLine mismatch = invocationLine(rest);
    assertEquals(List.of(1.0), mismatch.metric("IdempotencyPayloadMismatches").values());
    assertEquals(1, mismatch.metrics().size());
  }

  @Test
  void idempotencyGroupSwitchedOff_countsNothing() {
    CountDownLatch open = new CountDownLatch(0);
    RequestStreamHandler h =
        idempotent(
            MetricsConfig.custom()
                .namespace("Shop")
                .withoutBuiltIns(LaminaMetric.Group.IDEMPOTENCY, LaminaMetric.Group.COLD_START)
                .build(),
            open,
            open);
    List<String> out = new ArrayList<>();
    invoke(h, "{\"id\":\"o-2\"}", context("a"), out);
    out.clear();
    invoke(h, "{\"id\":\"o-2\"}", context("b"), out);
    assertEquals(List.of(), EmfLine.allIn(out), "a replay with the group off writes no line");
  }

  @Test
  void batch_countsSucceededFailedNonRetryableAndSkippedRecords() {
    BatchProcessor<SQSEvent> processor =
        BatchProcessor.builder(
                SQSEvent.class,
                String.class,
                (String body, dev.lamina.batch.RecordContext ctx) -> {
                  if (body.equals("bad")) {
                    throw new IllegalStateException("retry me");
                  }
                  if (body.equals("poison")) {
                    throw new IllegalArgumentException("never works");
                  }
                })
            .config(BatchConfig.custom().nonRetryable(IllegalArgumentException.class).build())
            .environment(environment())
            .build();
    RequestHandler<SQSEvent, Object> h =
        Lamina.<SQSEvent, Object>handler(SQSEvent.class, Object.class, processor::process)
            .feature(MetricsConfig.custom().namespace("Shop").build())
            .environment(environment())
            .buildRequestHandler();
    SQSEvent event = new SQSEvent();
    event.setRecords(
        List.of(
            message("1", "ok"), message("2", "bad"), message("3", "ok"), message("4", "poison")));

    List<String> out;
    try (CapturedStdout captured = new CapturedStdout()) {
      h.handleRequest(event, context("batch-1"));
      out = captured.lines();
    }

    EmfLine line = invocationLine(out);
    assertEquals(List.of(2.0), line.metric("BatchRecordsSucceeded").values());
    assertEquals(List.of(1.0), line.metric("BatchRecordsFailed").values());
    assertEquals(List.of(1.0), line.metric("BatchRecordsNonRetryable").values());
    assertEquals(List.of(0.0), line.metric("BatchRecordsCut").values());
    assertEquals(List.of(0.0), line.metric("BatchRecordsSkipped").values());
  }

  private static SQSEvent.SQSMessage message(String id, String body) {
    SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
    m.setMessageId(id);
    m.setReceiptHandle("handle-" + id);
    m.setBody(body);
    m.setEventSource("aws:sqs");
    m.setEventSourceArn("arn:aws:sqs:eu-west-1:123456789012:orders");
    m.setAttributes(Map.of("ApproximateReceiveCount", "1"));
    m.setMessageAttributes(Map.of());
    return m;
  }

  @Test
  void timeGuard_countsItsWarning_firedFromTheSchedulerThread() throws Exception {
    AtomicInteger warned = new AtomicInteger();
    RequestHandler<Map<String, Object>, String> h =
        Lamina.<Map<String, Object>, String>handler(
                Map.class,
                String.class,
                (in, inv) -> {
                  // The watchdog fires on another thread while the handler still runs.
                  Thread t = new Thread(() -> scheduler.only().fire());
                  t.start();
                  t.join();
                  warned.incrementAndGet();
                  return "ok";
                })
            .feature(MetricsConfig.custom().namespace("Shop").build())
            .feature(TimeGuardConfig.ofDefaults())
            .environment(environment())
            .buildRequestHandler();

    List<String> out;
    try (CapturedStdout captured = new CapturedStdout()) {
      h.handleRequest(Map.of(), context("slow"));
      out = captured.lines();
    }

    assertEquals(1, warned.get());
    assertEquals(List.of(1.0), invocationLine(out).metric("TimeGuardWarnings").values());
  }
}
