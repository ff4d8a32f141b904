package dev.lamina.batch;

import static dev.lamina.batch.Batches.STANDARD_QUEUE;
import static dev.lamina.batch.Batches.message;
import static dev.lamina.batch.Batches.reported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lamina.core.Invocation;
import dev.lamina.test.CapturedStdout;
import dev.lamina.test.FakeContext;
import dev.lamina.test.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The remaining-time guard: no record starts within the margin, records in flight are waited for
 * only until the deadline less the response reserve, and every record not done is reported.
 */
class TimeGuardBatchTest {

  private static SQSEvent batch(int size) {
    List<SQSEvent.SQSMessage> messages = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      messages.add(message("m-" + i, "\"body " + i + "\"", STANDARD_QUEUE, null, 1));
    }
    return Batches.sqs(messages);
  }

  @Test
  void withAFakeClock_theBatchIsCutAtTheMargin_andExactlyTheRecordsNotRunAreReported()
      throws Exception {
    MutableClock clock = MutableClock.atSystemTime();
    Invocation invocation =
        new Invocation(
            FakeContext.builder().clock(clock).timeout(Duration.ofSeconds(6)).build(),
            clock,
            false);
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    RecordHandler<String> slow =
        (body, context) -> {
          ran.add(context.recordId());
          clock.advance(Duration.ofSeconds(1)); // each record takes a second
        };
    BatchProcessor<SQSEvent> processor =
        BatchProcessor.builder(SQSEvent.class, String.class, slow)
            .config(BatchConfig.custom().timeGuardMargin(Duration.ofSeconds(2)).build())
            .handlerClass(TimeGuardBatchTest.class)
            .build();

    Object response;
    List<com.fasterxml.jackson.databind.JsonNode> lines;
    try (CapturedStdout out = new CapturedStdout()) {
      response = processor.process(batch(10), invocation);
      lines = out.jsonLines();
    }

    // 6 s left: m-1..m-4 start with 6, 5, 4 and 3 s left; m-5 would start with 2 s, the margin.
    assertEquals(List.of("m-1", "m-2", "m-3", "m-4"), ran);
    assertEquals(List.of("m-5", "m-6", "m-7", "m-8", "m-9", "m-10"), reported(response));
    assertTrue(
        lines.stream()
            .anyMatch(
                l -> l.path("batch_cut").asInt() == 6 && "WARN".equals(l.path("level").asText())),
        "one line says how many were cut");
  }

  @Test
  void theGuardComesFromTheHandlersTimeGuard_whenTheBatchHasNoMarginOfItsOwn() throws Exception {
    MutableClock clock = MutableClock.atSystemTime();
    Invocation invocation =
        new Invocation(
            FakeContext.builder().clock(clock).timeout(Duration.ofSeconds(3)).build(),
            clock,
            false);
    invocation.setAttribute(Invocation.SAFETY_MARGIN, Duration.ofSeconds(2));
    RecordHandler<String> slow = (body, context) -> clock.advance(Duration.ofMillis(600));

    Object response =
        BatchProcessor.builder(SQSEvent.class, String.class, slow)
            .handlerClass(TimeGuardBatchTest.class)
            .build()
            .process(batch(4), invocation);

    assertEquals(List.of("m-3", "m-4"), reported(response));
  }

  @Test
  void aRecordStillInFlightAtTheDeadline_isReported_andTheBatchAnswersInTime() throws Exception {
    Invocation invocation =
        new Invocation(
            FakeContext.builder().timeout(Duration.ofMillis(2000)).build(),
            java.time.Clock.systemUTC(),
            false);
    CountDownLatch never = new CountDownLatch(1);
    RecordHandler<String> stuck =
        (body, context) -> {
          if (context.recordId().equals("m-2")) {
            never.await(30, TimeUnit.SECONDS); // an external call that hangs
          }
        };
    BatchProcessor<SQSEvent> processor =
        BatchProcessor.builder(SQSEvent.class, String.class, stuck)
            .config(
                BatchConfig.custom()
                    .parallelism(2)
                    .timeGuardMargin(Duration.ofMillis(500))
                    .responseReserve(Duration.ofMillis(500))
                    .build())
            .handlerClass(TimeGuardBatchTest.class)
            .build();
    try {
      Object response = processor.process(batch(3), invocation);

      assertEquals(List.of("m-2"), reported(response));
      assertTrue(invocation.remaining().toMillis() > 0, "answered before the deadline");
    } finally {
      never.countDown();
    }
  }
}
