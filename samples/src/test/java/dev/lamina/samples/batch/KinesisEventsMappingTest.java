package dev.lamina.samples.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.test.LocalLambda;
import dev.lamina.test.eventsource.Delivery;
import dev.lamina.test.eventsource.Delivery.Outcome;
import dev.lamina.test.stream.Checkpoint;
import dev.lamina.test.stream.KinesisEventSource;
import dev.lamina.test.stream.OnFailureRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kinesis sample end to end on a local shard, fed by the test kit's stream mapping with
 * Lambda's checkpoint semantics. A click on {@code /flaky} fails the first time ({@link
 * FlakyKinesisEventsHandler}); a click without a page fails every time.
 */
class KinesisEventsMappingTest {
  private static LocalLambda lambda;

  @BeforeAll
  static void start() throws Exception {
    lambda = SampleUnderMapping.start(FlakyKinesisEventsHandler.class, "clicks");
  }

  @AfterAll
  static void stop() {
    if (lambda != null) {
      lambda.close();
    }
  }

  private static String click(String page) {
    return page == null ? "{\"userId\":\"u-1\"}" : "{\"userId\":\"u-1\",\"page\":\"" + page + "\"}";
  }

  @Test
  void failingRecord_isRetriedFromItself_neverSkipped_andEveryClickIsCountedOnceInOrder() {
    try (KinesisEventSource clicks =
        KinesisEventSource.builder().streamName("clicks").function(lambda).enabled(false).start()) {
      List<String> seq = new ArrayList<>();
      for (String page : List.of("/tea", "/coffee", "/flaky", "/cocoa", "/mate")) {
        seq.add(clicks.putRecord("u-1", click(page)));
      }
      clicks.enable();
      clicks.awaitIdle(Duration.ofSeconds(30));

      assertEquals(
          seq,
          SampleUnderMapping.recordIds(
              SampleUnderMapping.lines(lambda, "Click counted", seq).stream()
                  .filter(l -> seq.contains(l.get("record_id").asText()))
                  .toList()),
          "each click counted once, in shard order, the failed one in its place");
      List<Delivery> deliveries = clicks.deliveries();
      assertEquals(2, deliveries.size(), deliveries::toString);
      assertEquals(List.of(seq.get(2)), deliveries.get(0).reportedIds());
      assertEquals(seq.subList(2, 5), deliveries.get(1).recordIds(), "retried from the failed one");
      assertEquals(
          List.of(seq.get(1), seq.get(4)),
          clicks.checkpoints().stream().map(Checkpoint::sequenceNumber).toList());
      assertEquals(List.of(), clicks.onFailureRecords());
    }
  }

  @Test
  void recordThatAlwaysFails_holdsTheShardUntilTheRetriesRunOut_thenOnlyItIsSkipped() {
    try (KinesisEventSource clicks =
        KinesisEventSource.builder()
            .streamName("clicks-bad")
            .function(lambda)
            .maximumRetryAttempts(2)
            .bisectBatchOnFunctionError(true)
            .enabled(false)
            .start()) {
      List<String> seq = new ArrayList<>();
      for (String page : java.util.Arrays.asList("/tea", "/coffee", null, "/cocoa")) {
        seq.add(clicks.putRecord("u-2", click(page)));
      }
      clicks.enable();
      clicks.awaitIdle(Duration.ofSeconds(30));

      List<Delivery> deliveries = clicks.deliveries();
      assertEquals(Outcome.PARTIAL_FAILURE, deliveries.get(0).outcome());
      for (Delivery retry : deliveries.subList(1, deliveries.size() - 1)) {
        assertEquals(seq.get(2), retry.recordIds().get(0), "every retry starts at it: " + retry);
      }
      OnFailureRecord skipped = clicks.onFailureRecords().get(0);
      assertEquals(List.of(seq.get(2)), skipped.recordIds(), clicks.onFailureRecords()::toString);
      assertEquals(OnFailureRecord.RETRY_ATTEMPTS_EXHAUSTED, skipped.condition());
      assertEquals(Optional.of(seq.get(3)), clicks.checkpoint(clicks.shardIds().get(0)));
      List<String> counted =
          SampleUnderMapping.recordIds(
              SampleUnderMapping.lines(
                      lambda, "Click counted", List.of(seq.get(0), seq.get(1), seq.get(3)))
                  .stream()
                  .filter(l -> seq.contains(l.get("record_id").asText()))
                  .toList());
      assertEquals(
          List.of(seq.get(0), seq.get(1), seq.get(3)),
          counted,
          "the record after it is counted only once it is skipped, and only once");
    }
  }
}
