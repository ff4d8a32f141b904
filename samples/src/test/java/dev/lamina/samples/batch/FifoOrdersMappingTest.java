package dev.lamina.samples.batch;

import static dev.lamina.samples.batch.BatchEvents.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.eventsource.Delivery;
import dev.lamina.test.eventsource.Delivery.Outcome;
import dev.lamina.test.sqs.ElasticMq;
import dev.lamina.test.sqs.SqsEventSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FIFO sample end to end on a real FIFO queue (ElasticMQ) with three message groups. The
 * ledger times out on the first delivery of one order of group A ({@link
 * FlakyFifoOrdersHandler}). SQS holds back a group's later messages while one of it is in flight;
 * the sample's FIFO mode (stop at the first failure) reports the failed message and every later
 * one of its batch, of any group. One server and one function serve the class.
 */
class FifoOrdersMappingTest {
  private static final String SKU = "assam-tgfop";
  private static final String FLAKY = FlakyStockSqsOrdersHandler.RESTOCKING;

  private static ElasticMq sqs;
  private static LocalLambda lambda;

  @BeforeAll
  static void start() throws Exception {
    sqs = ElasticMq.builder().start();
    lambda = SampleUnderMapping.start(FlakyFifoOrdersHandler.class, "fifo-orders");
  }

  @AfterAll
  static void stop() {
    if (lambda != null) {
      lambda.close();
    }
    if (sqs != null) {
      sqs.close();
    }
  }

  private static SqsEventSource.Builder queue(String name, int batchSize, int visibility) {
    return SqsEventSource.builder()
        .elasticMq(sqs)
        .queueName(name + ".fifo")
        .visibilityTimeout(Duration.ofSeconds(visibility))
        .deadLetterQueue(name + "-dlq.fifo", 5)
        .batchSize(batchSize)
        .function(lambda)
        .enabled(false);
  }

  /** Sends a1, b1, c1, a2 (flaky), b2, c2, a3, b3, c3; returns the ids by group, in order. */
  private static Map<String, List<String>> sendThreeGroups(SqsEventSource queue, String prefix) {
    Map<String, List<String>> ids =
        Map.of("A", new ArrayList<>(), "B", new ArrayList<>(), "C", new ArrayList<>());
    for (int n = 1; n <= 3; n++) {
      for (String group : List.of("A", "B", "C")) {
        String sku = group.equals("A") && n == 2 ? FLAKY : SKU;
        ids.get(group).add(queue.send(order(prefix + group + n, sku, n), prefix + group));
      }
    }
    return ids;
  }

  /** The applied message ids of one group, in the order the function applied them. */
  private static List<String> appliedInGroup(List<JsonNode> applied, String group) {
    return applied.stream()
        .filter(l -> l.get("message_group_id").asText().equals(group))
        .map(l -> l.get("record_id").asText())
        .collect(Collectors.toList());
  }

  private static List<String> all(Map<String, List<String>> ids) {
    List<String> out = new ArrayList<>();
    ids.values().forEach(out::addAll);
    return out;
  }

  @Test
  void mixedGroupBatch_keepsEachGroupsOrderAcrossTheRetry_andTheFailureHoldsBackAllAfterIt() {
    try (SqsEventSource queue = queue("mixed", 10, 1).start()) {
      Map<String, List<String>> ids = sendThreeGroups(queue, "m");
      queue.enable();
      queue.awaitIdle(Duration.ofSeconds(60));

      List<JsonNode> applied = SampleUnderMapping.lines(lambda, "Order applied", all(ids));
      for (String group : List.of("A", "B", "C")) {
        assertEquals(
            ids.get(group),
            appliedInGroup(applied, "m" + group),
            "group " + group + " applied once each, in order");
      }
      List<Delivery> deliveries = queue.deliveries();
      assertEquals(2, deliveries.size(), deliveries::toString);
      Delivery first = deliveries.get(0);
      assertEquals(Outcome.PARTIAL_FAILURE, first.outcome());
      String a2 = ids.get("A").get(1);
      assertEquals(
          first.recordIds().subList(first.recordIds().indexOf(a2), first.recordIds().size()),
          first.reportedIds(),
          "STOP_AT_FIRST_FAILURE: a2 and everything after it, of every group");
      assertEquals(
          first.reportedIds(),
          deliveries.get(1).recordIds(),
          "they come back together, in the queue's order");
      assertEquals(List.of(), queue.deadLetters());
    }
  }

  @Test
  void oneMessageBatches_blockOnlyTheFailedGroup_whileTheOtherGroupsGoOn() {
    // 2 s: time enough for B and C to finish while a2 waits, even on a busy machine.
    try (SqsEventSource queue = queue("single", 1, 2).start()) {
      Map<String, List<String>> ids = sendThreeGroups(queue, "s");
      queue.enable();
      queue.awaitIdle(Duration.ofSeconds(60));

      List<JsonNode> applied = SampleUnderMapping.lines(lambda, "Order applied", all(ids));
      for (String group : List.of("A", "B", "C")) {
        assertEquals(
            ids.get(group),
            appliedInGroup(applied, "s" + group),
            "group " + group + " applied once each, in order");
      }
      List<String> order =
          SampleUnderMapping.recordIds(
              applied.stream()
                  .filter(
                      l ->
                          l.get("record_id").asText().length() > 0
                              && all(ids).contains(l.get("record_id").asText()))
                  .toList());
      int a2 = order.indexOf(ids.get("A").get(1));
      assertTrue(
          order.indexOf(ids.get("B").get(2)) < a2 && order.indexOf(ids.get("C").get(2)) < a2,
          "B and C finished while A waited for a2's visibility timeout: " + order);
      List<Delivery> a2Deliveries = queue.deliveriesOf(ids.get("A").get(1));
      assertEquals(
          List.of(Outcome.FUNCTION_ERROR, Outcome.SUCCESS),
          a2Deliveries.stream().map(Delivery::outcome).toList(),
          "alone in its batch, its failure fails the invocation");
      assertEquals(
          1,
          queue.deliveriesOf(ids.get("A").get(2)).size(),
          "a3 was held back, not delivered, until a2 was done");
    }
  }
}
