package dev.lamina.batch;

import static dev.lamina.batch.Batches.reported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 10,000-record batches with random failures, 50 seeds, sequential and with 16 workers: the
 * reported set is exactly the expected one where the policy makes it deterministic, every record
 * left unreported ran to success where it is not, and no unit (FIFO group, partition key, Kafka
 * partition) ever sees its records out of order.
 */
class BatchPropertyTest {
  private static final int RECORDS = 10_000;
  private static final int SEEDS = 50;
  private static final int UNITS = 40;

  static Stream<Arguments> runs() {
    return Stream.of(1, 16).map(Arguments::of);
  }

  /** What a run saw: per unit the order records ran in, and which ran to success. */
  static final class Observed {
    final Map<String, List<Integer>> orderByUnit = new ConcurrentHashMap<>();
    final Set<Integer> succeeded = ConcurrentHashMap.newKeySet();
    final Set<Integer> failed = ConcurrentHashMap.newKeySet();

    void ran(String unit, int index, boolean fails) {
      orderByUnit
          .computeIfAbsent(unit, u -> java.util.Collections.synchronizedList(new ArrayList<>()))
          .add(index);
      if (fails) {
        failed.add(index);
        throw new IllegalStateException("planned failure");
      }
      succeeded.add(index);
    }

    void assertOrderKept() {
      orderByUnit.forEach(
          (unit, order) -> {
            for (int i = 1; i < order.size(); i++) {
              assertTrue(
                  order.get(i - 1) < order.get(i),
                  "unit " + unit + " ran " + order.get(i) + " after " + order.get(i - 1));
            }
          });
    }
  }

  /** Equal lists, and on failure the first difference only (these lists hold thousands). */
  private static void assertSameList(List<Object> expected, List<Object> actual, String what) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        throw new AssertionError(
            what
                + ": at position "
                + i
                + " expected "
                + expected.get(i)
                + " but was "
                + actual.get(i));
      }
    }
    if (expected.size() != actual.size()) {
      throw new AssertionError(
          what + ": expected " + expected.size() + " identifiers but was " + actual.size());
    }
  }

  private static boolean[] plannedFailures(Random random, double rate) {
    boolean[] fails = new boolean[RECORDS];
    for (int i = 0; i < RECORDS; i++) {
      fails[i] = random.nextDouble() < rate;
    }
    return fails;
  }

  private static SQSEvent sqs(String queue) {
    List<SQSEvent.SQSMessage> messages = new ArrayList<>(RECORDS);
    for (int i = 0; i < RECORDS; i++) {
      messages.add(
          Batches.message(
              Integer.toString(i),
              Integer.toString(i),
              queue,
              queue.endsWith(".fifo") ? "g" + (i % UNITS) : null,
              1));
    }
    return Batches.sqs(messages);
  }

  private static <E> Object run(
      Class<E> type,
      E event,
      RecordHandler<String> handler,
      BatchConfig.Builder config,
      int parallelism)
      throws Exception {
    return BatchProcessor.builder(type, String.class, handler)
        .config(config.parallelism(parallelism).respondWhenAllFail().build())
        .handlerClass(BatchPropertyTest.class)
        .build()
        .process(event, Batches.invocation());
  }

  @ParameterizedTest(name = "parallelism {0}")
  @MethodSource("runs")
  void sqsStandard_reportsExactlyTheFailedMessages(int parallelism) throws Exception {
    SQSEvent event = sqs(Batches.STANDARD_QUEUE);
    for (int seed = 0; seed < SEEDS; seed++) {
      boolean[] fails = plannedFailures(new Random(seed), 0.01);
      Observed seen = new Observed();
      Object response =
          run(
              SQSEvent.class,
              event,
              (body, c) -> {
                int i = Integer.parseInt(body);
                seen.ran("all", i, fails[i]);
              },
              BatchConfig.custom(),
              parallelism);

      List<Object> expected = new ArrayList<>();
      for (int i = 0; i < RECORDS; i++) {
        if (fails[i]) {
          expected.add(Integer.toString(i));
        }
      }
      assertSameList(expected, reported(response), "seed " + seed);
      assertEquals(RECORDS - expected.size(), seen.succeeded.size());
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @MethodSource("runs")
  void sqsFifo_skipFailedGroup_reportsEachFailedGroupsTail_inOrder(int parallelism)
      throws Exception {
    SQSEvent event = sqs(Batches.FIFO_QUEUE);
    for (int seed = 0; seed < SEEDS; seed++) {
      boolean[] fails = plannedFailures(new Random(seed), 0.0005);
      Observed seen = new Observed();
      Object response =
          run(
              SQSEvent.class,
              event,
              (body, c) -> {
                int i = Integer.parseInt(body);
                seen.ran(c.messageGroupId().orElseThrow(), i, fails[i]);
              },
              BatchConfig.custom().fifoMode(FifoMode.SKIP_FAILED_GROUP),
              parallelism);

      Set<Integer> failedGroups = new HashSet<>();
      List<Object> expected = new ArrayList<>();
      for (int i = 0; i < RECORDS; i++) {
        int group = i % UNITS;
        if (fails[i]) {
          failedGroups.add(group);
        }
        if (failedGroups.contains(group)) {
          expected.add(Integer.toString(i));
        }
      }
      assertSameList(expected, reported(response), "seed " + seed);
      seen.assertOrderKept();
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @MethodSource("runs")
  void sqsFifo_stopAtFirstFailure_coversEverythingFromIt_andLeavesOnlySuccessesUnreported(
      int parallelism) throws Exception {
    SQSEvent event = sqs(Batches.FIFO_QUEUE);
    for (int seed = 0; seed < SEEDS; seed++) {
      boolean[] fails = plannedFailures(new Random(seed), 0.0002);
      Observed seen = new Observed();
      Object response =
          run(
              SQSEvent.class,
              event,
              (body, c) -> {
                int i = Integer.parseInt(body);
                seen.ran(c.messageGroupId().orElseThrow(), i, fails[i]);
              },
              BatchConfig.custom(),
              parallelism);

      Set<Object> reported = new HashSet<>(reported(response));
      // Workers or not, every record before the first planned failure runs (a later failure
      // only stops what comes after it), so the report is exactly the tail from that failure.
      int first = firstPlanned(fails);
      for (int i = 0; i < RECORDS; i++) {
        boolean isReported = reported.contains(Integer.toString(i));
        if (i >= first) {
          assertTrue(isReported, "seed " + seed + ": record " + i + " is at or after the failure");
        } else {
          assertFalse(isReported, "seed " + seed + ": record " + i + " is before the failure");
          assertTrue(
              seen.succeeded.contains(i),
              "seed " + seed + ": record " + i + " is before the failure but did not succeed");
        }
      }
      assertEquals(RECORDS - first, reported.size(), "seed " + seed + ": exactly the tail");
      seen.assertOrderKept();
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @MethodSource("runs")
  void kinesis_reportsTheLowestRecordNotDone_andEverythingBelowItSucceeded(int parallelism)
      throws Exception {
    List<KinesisEvent.KinesisEventRecord> records = new ArrayList<>(RECORDS);
    for (int i = 0; i < RECORDS; i++) {
      records.add(
          Batches.kinesis(
              BigInteger.TEN.pow(30).add(BigInteger.valueOf(i)).toString(),
              "key-" + (i % UNITS),
              Integer.toString(i)));
    }
    KinesisEvent event = Batches.kinesis(records);
    for (int seed = 0; seed < SEEDS; seed++) {
      boolean[] fails = plannedFailures(new Random(seed), 0.0002);
      Observed seen = new Observed();
      Object response =
          run(
              KinesisEvent.class,
              event,
              (data, c) -> {
                int i = Integer.parseInt(data);
                seen.ran(c.partitionKey().orElseThrow(), i, fails[i]);
              },
              BatchConfig.custom(),
              parallelism);

      List<Object> reported = reported(response);
      int first = firstPlanned(fails);
      if (first == RECORDS) {
        assertEquals(List.of(), reported, "seed " + seed);
        continue;
      }
      assertEquals(1, reported.size(), "seed " + seed);
      int checkpoint =
          new BigInteger((String) reported.get(0)).subtract(BigInteger.TEN.pow(30)).intValueExact();
      assertEquals(first, checkpoint, "seed " + seed + ": resumes exactly at the first failure");
      for (int i = 0; i < checkpoint; i++) {
        assertTrue(
            seen.succeeded.contains(i),
            "seed " + seed + ": " + i + " is below the" + " checkpoint but did not succeed");
      }
      seen.assertOrderKept();
    }
  }

  /** The index of the first planned failure, or {@link #RECORDS} if none is planned. */
  private static int firstPlanned(boolean[] fails) {
    for (int i = 0; i < fails.length; i++) {
      if (fails[i]) {
        return i;
      }
    }
    return RECORDS;
  }

  @ParameterizedTest(name = "parallelism {0}")
  @MethodSource("runs")
  void kafka_reportsTheFirstFailedOffsetOfEachPartition(int parallelism) throws Exception {
    Map<String, List<KafkaEvent.KafkaEventRecord>> partitions = new LinkedHashMap<>();
    for (int i = 0; i < RECORDS; i++) {
      int p = i % UNITS;
      partitions
          .computeIfAbsent("t-" + p, k -> new ArrayList<>())
          .add(Batches.kafka("t", p, i, Integer.toString(i)));
    }
    KafkaEvent event = Batches.kafka(partitions);
    for (int seed = 0; seed < SEEDS; seed++) {
      boolean[] fails = plannedFailures(new Random(seed), 0.002);
      Observed seen = new Observed();
      Object response =
          run(
              KafkaEvent.class,
              event,
              (value, c) -> {
                int i = Integer.parseInt(value);
                seen.ran(c.recordId().substring(0, c.recordId().indexOf(':')), i, fails[i]);
              },
              BatchConfig.custom(),
              parallelism);

      List<Object> expected = new ArrayList<>();
      for (int p = 0; p < UNITS; p++) {
        for (int i = p; i < RECORDS; i += UNITS) {
          if (fails[i]) {
            expected.add(new KafkaBatchResponse.ItemIdentifier("t-" + p, i));
            break;
          }
        }
      }
      assertSameList(expected, reported(response), "seed " + seed);
      seen.assertOrderKept();
    }
  }
}
