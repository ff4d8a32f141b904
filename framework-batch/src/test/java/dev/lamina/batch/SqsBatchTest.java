package dev.lamina.batch;

import static dev.lamina.batch.Batches.FIFO_QUEUE;
import static dev.lamina.batch.Batches.STANDARD_QUEUE;
import static dev.lamina.batch.Batches.message;
import static dev.lamina.batch.Batches.reported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SQS standard and FIFO batches: the exact failure set, sequential and parallel. */
class SqsBatchTest {

  public record Order(String id, int quantity) {}

  /** Fails orders whose quantity is negative; records every order it sees, in order. */
  static final class Shipping implements RecordHandler<Order> {
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void handle(Order order, RecordContext context) {
      seen.add(order.id());
      if (order.quantity() < 0) {
        throw new IllegalStateException("cannot ship a negative quantity");
      }
    }
  }

  private static SQSEvent.SQSMessage order(String id, int quantity, String queue, String group) {
    return message(id, "{\"id\":\"" + id + "\",\"quantity\":" + quantity + "}", queue, group, 1);
  }

  private static Object process(SQSEvent event, RecordHandler<Order> handler, BatchConfig config)
      throws Exception {
    return BatchProcessor.builder(SQSEvent.class, Order.class, handler)
        .config(config)
        .handlerClass(SqsBatchTest.class)
        .build()
        .process(event, Batches.invocation());
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 4})
  void standardQueue_reportsExactlyTheFailingAndThePoisonMessages(int parallelism)
      throws Exception {
    SQSEvent event =
        Batches.sqs(
            List.of(
                order("m-1", 1, STANDARD_QUEUE, null),
                order("m-2", -1, STANDARD_QUEUE, null),
                message("m-3", "{\"id\":\"m-3\",\"quantity\":", STANDARD_QUEUE, null, 3),
                order("m-4", 2, STANDARD_QUEUE, null),
                order("m-5", -5, STANDARD_QUEUE, null)));
    Shipping shipping = new Shipping();

    Object response =
        process(event, shipping, BatchConfig.custom().parallelism(parallelism).build());

    assertTrue(response instanceof SQSBatchResponse);
    assertEquals(List.of("m-2", "m-3", "m-5"), reported(response));
    assertEquals(
        List.of("m-1", "m-2", "m-4", "m-5"),
        shipping.seen.stream().sorted().toList(),
        "the poison message never reached the handler");
  }

  @Test
  void realFixture_decodesTheBody_andAllSucceeding_reportsNothing() throws Exception {
    SQSEvent event = Batches.fixture("sqs_event_product.json", SQSEvent.class);
    record Product(int id, String name, int price) {}
    List<Product> seen = new ArrayList<>();

    Object response =
        BatchProcessor.builder(
                SQSEvent.class, Product.class, (Product p, RecordContext c) -> seen.add(p))
            .handlerClass(SqsBatchTest.class)
            .build()
            .process(event, Batches.invocation());

    assertEquals(List.of(), reported(response));
    assertEquals(List.of(new Product(1234, "Product1234", 450)), seen);
  }

  @Test
  void fifo_stopAtFirstFailure_reportsItAndEverythingAfter_inBatchOrder() throws Exception {
    SQSEvent event =
        Batches.sqs(
            List.of(
                order("a-1", 1, FIFO_QUEUE, "a"),
                order("b-1", 1, FIFO_QUEUE, "b"),
                order("a-2", -1, FIFO_QUEUE, "a"),
                order("b-2", 1, FIFO_QUEUE, "b"),
                order("c-1", 1, FIFO_QUEUE, "c")));
    Shipping shipping = new Shipping();

    Object response = process(event, shipping, BatchConfig.defaults());

    assertEquals(List.of("a-2", "b-2", "c-1"), reported(response));
    assertEquals(List.of("a-1", "b-1", "a-2"), shipping.seen, "nothing runs after the failure");
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 3})
  void fifo_skipFailedGroup_stopsOnlyThatGroup(int parallelism) throws Exception {
    SQSEvent event =
        Batches.sqs(
            List.of(
                order("a-1", 1, FIFO_QUEUE, "a"),
                order("b-1", 1, FIFO_QUEUE, "b"),
                order("a-2", -1, FIFO_QUEUE, "a"),
                order("b-2", 1, FIFO_QUEUE, "b"),
                order("a-3", 1, FIFO_QUEUE, "a"),
                order("c-1", 1, FIFO_QUEUE, "c")));
    Shipping shipping = new Shipping();

    Object response =
        process(
            event,
            shipping,
            BatchConfig.custom()
                .fifoMode(FifoMode.SKIP_FAILED_GROUP)
                .parallelism(parallelism)
                .build());

    assertEquals(List.of("a-2", "a-3"), reported(response));
    assertEquals(
        List.of("a-1", "a-2", "b-1", "b-2", "c-1"),
        shipping.seen.stream().sorted().toList(),
        "a-3 never ran: its group had failed");
  }

  @Test
  void fifo_inParallel_keepsEachGroupsOrder() throws Exception {
    List<SQSEvent.SQSMessage> messages = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String group = "g" + (i % 3);
      messages.add(order(group + "-" + i, 1, FIFO_QUEUE, group));
    }
    Map<String, List<String>> seenByGroup = new ConcurrentHashMap<>();
    RecordHandler<Order> handler =
        (order, context) ->
            seenByGroup
                .computeIfAbsent(context.messageGroupId().orElseThrow(), g -> new ArrayList<>())
                .add(order.id());

    process(Batches.sqs(messages), handler, BatchConfig.custom().parallelism(3).build());

    for (String group : List.of("g0", "g1", "g2")) {
      List<String> expected =
          messages.stream()
              .map(m -> m.getMessageId())
              .filter(id -> id.startsWith(group + "-"))
              .toList();
      assertEquals(expected, seenByGroup.get(group), group);
    }
  }

  @Test
  void allFailed_throwsAfterBuildingTheResponse_orRespondsWhenConfigured() throws Exception {
    SQSEvent event =
        Batches.sqs(
            List.of(
                order("m-1", -1, STANDARD_QUEUE, null), order("m-2", -2, STANDARD_QUEUE, null)));

    BatchFailedException e =
        assertThrows(
            BatchFailedException.class,
            () -> process(event, new Shipping(), BatchConfig.defaults()));
    assertEquals(2, e.records());
    assertEquals(
        List.of("m-1", "m-2"),
        reported(
            process(event, new Shipping(), BatchConfig.custom().respondWhenAllFail().build())));
  }

  static class InvalidOrder extends RuntimeException {
    InvalidOrder() {
      super("invalid order");
    }
  }

  @Test
  void nonRetryable_isNotReported_isHandedToTheHook_andDoesNotStopAFifoGroup() throws Exception {
    SQSEvent event =
        Batches.sqs(
            List.of(
                order("a-1", 1, FIFO_QUEUE, "a"),
                order("a-2", 0, FIFO_QUEUE, "a"),
                order("a-3", 1, FIFO_QUEUE, "a")));
    List<String> deadLetters = new ArrayList<>();
    Shipping shipping = new Shipping();
    RecordHandler<Order> handler =
        (order, context) -> {
          if (order.quantity() == 0) {
            throw new InvalidOrder();
          }
          shipping.handle(order, context);
        };

    Object response =
        process(
            event,
            handler,
            BatchConfig.custom()
                .nonRetryable(InvalidOrder.class)
                .onNonRetryable((context, failure) -> deadLetters.add(context.recordId()))
                .build());

    assertEquals(List.of(), reported(response));
    assertEquals(List.of("a-2"), deadLetters);
    assertEquals(List.of("a-1", "a-3"), shipping.seen);
  }

  @Test
  void duplicateMessageIdsInOneBatch_areReportedOnce() throws Exception {
    SQSEvent event =
        Batches.sqs(
            List.of(
                order("m-1", -1, STANDARD_QUEUE, null),
                order("m-1", -1, STANDARD_QUEUE, null),
                order("m-2", 1, STANDARD_QUEUE, null)));

    assertEquals(List.of("m-1"), reported(process(event, new Shipping(), BatchConfig.defaults())));
  }

  @Test
  void messageWithoutAnId_failsTheInvocation_ratherThanReportAnEmptyIdentifier() {
    SQSEvent.SQSMessage anonymous = order("m-1", -1, STANDARD_QUEUE, null);
    anonymous.setMessageId(null);
    SQSEvent event = Batches.sqs(List.of(anonymous, order("m-2", 1, STANDARD_QUEUE, null)));

    assertThrows(
        BatchResponseException.class, () -> process(event, new Shipping(), BatchConfig.defaults()));
  }

  @Test
  void error_failsTheInvocation() {
    SQSEvent event = Batches.sqs(List.of(order("m-1", 1, STANDARD_QUEUE, null)));
    RecordHandler<Order> handler =
        (order, context) -> {
          throw new StackOverflowError();
        };

    assertThrows(StackOverflowError.class, () -> process(event, handler, BatchConfig.defaults()));
  }

  @Test
  void recordContext_carriesTheAttemptGroupAndAttributes() throws Exception {
    SQSEvent event =
        Batches.sqs(List.of(message("a-1", "{\"id\":\"a-1\",\"quantity\":1}", FIFO_QUEUE, "a", 4)));
    AtomicInteger attempt = new AtomicInteger();
    List<String> seen = new ArrayList<>();

    process(
        event,
        (order, context) -> {
          attempt.set(context.attempt().orElse(-1));
          seen.add(
              context.recordId()
                  + " "
                  + context.messageGroupId().orElse("?")
                  + " "
                  + context.attributes().get("MessageDeduplicationId")
                  + " "
                  + context.eventSource()
                  + " "
                  + org.slf4j.MDC.get(RecordContext.LOG_RECORD_ID));
        },
        BatchConfig.defaults());

    assertEquals(4, attempt.get());
    assertEquals(List.of("a-1 a dedup-a-1 aws:sqs a-1"), seen);
  }
}
