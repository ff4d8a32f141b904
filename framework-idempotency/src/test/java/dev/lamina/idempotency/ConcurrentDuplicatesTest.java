package dev.lamina.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.core.HandlerEnvironment;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.testkit.FeatureEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** 32 duplicates of one key at once, on 32 threads, against DynamoDB Local over HTTP. */
@ExtendWith(DynamoDbLocalExtension.class)
class ConcurrentDuplicatesTest {
  private static final int DUPLICATES = 32;
  private static final String ORDER = "{\"orderId\":\"o-1\",\"quantity\":2}";

  private final DynamoDbLocalTables dynamo;
  private ExecutorService threads;
  private String table;

  ConcurrentDuplicatesTest(DynamoDbLocalTables dynamo) {
    this.dynamo = dynamo;
  }

  @BeforeEach
  void setUp() {
    threads = Executors.newFixedThreadPool(DUPLICATES);
    table = dynamo.create("idempotency", IdempotencyTable::create);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    threads.shutdownNow();
    threads.awaitTermination(10, TimeUnit.SECONDS);
  }

  private <H extends Orders.ByOrderId> H handler(Function<HandlerEnvironment, H> constructor) {
    return constructor.apply(HandlerEnvironment.builder()
        .variables(FeatureEnvironment.idempotency(table, dynamo.endpoint())).build());
  }

  /** Starts every duplicate at once; each returns its response or the name of what it threw. */
  private List<Future<String>> fire(Orders.ByOrderId handler) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(DUPLICATES);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < DUPLICATES; i++) {
      String requestId = "req-" + i;
      results.add(threads.submit(() -> {
        ready.countDown();
        go.await();
        try {
          return Invoke.stream(handler, ORDER, FakeContext.builder().requestId(requestId)
              .functionName("orders").timeout(Duration.ofSeconds(30)).build());
        } catch (RuntimeException e) {
          return e.getClass().getSimpleName();
        }
      }));
    }
    ready.await();
    go.countDown();
    return results;
  }

  @Test
  void duplicates_runTheHandlerOnce_andTheOthersAreRejectedAsInProgress() throws Exception {
    Orders.ByOrderId handler = handler(Orders.ByOrderId::new);
    handler.release = new CountDownLatch(1);
    List<Future<String>> results = fire(handler);

    // Everyone but the winner fails fast, while the winner still holds its claim.
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (results.stream().filter(Future::isDone).count() < DUPLICATES - 1
        && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    long finishedWhileClaimHeld = results.stream().filter(Future::isDone).count();
    handler.release.countDown();
    Map<String, Long> outcomes = new java.util.TreeMap<>();
    for (Future<String> f : results) {
      outcomes.merge(f.get(20, TimeUnit.SECONDS), 1L, Long::sum);
    }

    assertEquals(1, handler.runs.get());
    assertEquals(DUPLICATES - 1, finishedWhileClaimHeld);
    assertEquals(Map.of("IdempotencyInProgressException", (long) DUPLICATES - 1,
        "{\"orderId\":\"o-1\",\"run\":1}", 1L), outcomes);
  }

  private static String invoke(Orders.ByOrderId handler, String requestId) {
    try {
      return Invoke.stream(handler, ORDER, FakeContext.builder().requestId(requestId)
          .functionName("orders").timeout(Duration.ofSeconds(30)).build());
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }

  @Test
  void waitingDuplicate_givesUpAfterItsWait_withTheInProgressError() throws Exception {
    Orders.ByOrderId handler = handler(Orders.BrieflyWaitingByOrderId::new);
    handler.release = new CountDownLatch(1);
    Future<String> first = threads.submit(() -> invoke(handler, "req-1"));
    awaitRuns(handler, 1);

    long start = System.nanoTime();
    String duplicate = invoke(handler, "req-2");
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;
    handler.release.countDown();

    assertEquals("IdempotencyInProgressException", duplicate);
    assertTrue(waitedMillis >= 150 && waitedMillis < 5_000, "waited " + waitedMillis + " ms");
    assertEquals("{\"orderId\":\"o-1\",\"run\":1}", first.get(20, TimeUnit.SECONDS));
  }

  @Test
  void waitingDuplicate_whoseFirstFails_claimsTheKeyAndRuns() throws Exception {
    Orders.ByOrderId handler = handler(Orders.WaitingByOrderId::new);
    handler.release = new CountDownLatch(1);
    handler.failing = new IllegalStateException("first attempt fails");
    handler.failFirstRunOnly = true;
    Future<String> first = threads.submit(() -> invoke(handler, "req-1"));
    awaitRuns(handler, 1);
    Future<String> duplicate = threads.submit(() -> invoke(handler, "req-2"));
    Thread.sleep(200);
    handler.release.countDown();

    assertEquals("IllegalStateException", first.get(20, TimeUnit.SECONDS));
    assertEquals("{\"orderId\":\"o-1\",\"run\":2}", duplicate.get(20, TimeUnit.SECONDS));
  }

  private static void awaitRuns(Orders.ByOrderId handler, int runs) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (handler.runs.get() < runs && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    assertEquals(runs, handler.runs.get());
  }

  @Test
  void duplicates_thatWait_allGetTheFirstResult() throws Exception {
    Orders.ByOrderId handler = handler(Orders.WaitingByOrderId::new);
    handler.release = new CountDownLatch(1);
    List<Future<String>> results = fire(handler);
    Thread.sleep(300);
    handler.release.countDown();

    List<String> responses = new ArrayList<>();
    for (Future<String> f : results) {
      responses.add(f.get(20, TimeUnit.SECONDS));
    }

    assertEquals(1, handler.runs.get());
    assertEquals(Map.of("{\"orderId\":\"o-1\",\"run\":1}", (long) DUPLICATES),
        responses.stream().collect(Collectors.groupingBy(r -> r, Collectors.counting())));
  }
}
