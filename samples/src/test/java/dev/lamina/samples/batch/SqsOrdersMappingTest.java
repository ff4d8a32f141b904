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
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The standard-queue sample end to end: a real queue on ElasticMQ with a redrive policy, Lambda's
 * SQS event source mapping played by the test kit, and the sample under the real runtime client.
 * The stock service is down for the first delivery of two orders ({@link
 * FlakyStockSqsOrdersHandler}); one message is not an order at all.
 */
class SqsOrdersMappingTest {
  private static final String SKU = "darjeeling-ftgfop1";

  @Test
  void goodOrdersAreReservedOnce_failingOnesAgainAfterTheVisibilityTimeout_poisonIsDeadLettered()
      throws Exception {
    try (ElasticMq sqs = ElasticMq.builder().start();
        LocalLambda lambda =
            SampleUnderMapping.start(FlakyStockSqsOrdersHandler.class, "sqs-orders");
        SqsEventSource orders =
            SqsEventSource.builder()
                .elasticMq(sqs)
                .queueName("lamina-orders")
                .visibilityTimeout(Duration.ofSeconds(1))
                .deadLetterQueue("lamina-orders-dlq", 3)
                .function(lambda)
                .functionTimeout(Duration.ofSeconds(10))
                .enabled(false)
                .start()) {
      List<String> good = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        good.add(orders.send(order("o-" + i, SKU, i)));
      }
      List<String> failing =
          List.of(
              orders.send(order("o-6", FlakyStockSqsOrdersHandler.RESTOCKING, 1)),
              orders.send(order("o-7", FlakyStockSqsOrdersHandler.RESTOCKING, 2)));
      String poison = orders.send("<order id=\"o-8\"/>");
      orders.enable();
      orders.awaitIdle(Duration.ofSeconds(60));

      List<String> reservable = new ArrayList<>(good);
      reservable.addAll(failing);
      List<JsonNode> reserved = SampleUnderMapping.lines(lambda, "Order reserved", reservable);
      Map<String, List<Integer>> attempts =
          reserved.stream()
              .collect(
                  Collectors.groupingBy(
                      l -> l.get("record_id").asText(),
                      Collectors.mapping(l -> l.get("attempt").asInt(), Collectors.toList())));
      for (String id : good) {
        assertEquals(List.of(1), attempts.get(id), "reserved exactly once, first time: " + id);
      }
      for (String id : failing) {
        assertEquals(List.of(2), attempts.get(id), "reserved once, on the second delivery: " + id);
        List<Delivery> deliveries = orders.deliveriesOf(id);
        assertEquals(2, deliveries.size(), deliveries::toString);
        // The visibility timeout runs from the receive, a few milliseconds before the invocation.
        Duration apart =
            Duration.between(deliveries.get(0).invokedAt(), deliveries.get(1).invokedAt());
        assertTrue(
            apart.compareTo(Duration.ofMillis(900)) >= 0,
            "back only after the visibility timeout, not " + apart);
      }
      assertEquals(reserved.size(), reservable.size(), "nothing else was reserved");

      assertEquals(Set.copyOf(reservable), Set.copyOf(orders.deleted()));
      assertEquals(reservable.size(), orders.deleted().size(), "each deleted once");
      List<Delivery> poisonDeliveries = orders.deliveriesOf(poison);
      assertEquals(3, poisonDeliveries.size(), "received maxReceiveCount times");
      assertEquals(Outcome.PARTIAL_FAILURE, poisonDeliveries.get(0).outcome());
      assertEquals(
          Outcome.FUNCTION_ERROR,
          poisonDeliveries.get(2).outcome(),
          "alone in its batch, it fails the invocation: the sample fails a batch that all failed");
      List<Message> dead = orders.deadLetters();
      assertEquals(List.of(poison), dead.stream().map(Message::messageId).toList());
      assertEquals("<order id=\"o-8\"/>", dead.get(0).body());
      Function<Delivery, Set<String>> reported = d -> Set.copyOf(d.reportedIds());
      assertEquals(
          Set.of(failing.get(0), failing.get(1), poison),
          reported.apply(orders.deliveries().get(0)),
          "the first batch reports exactly those");
    }
  }
}
