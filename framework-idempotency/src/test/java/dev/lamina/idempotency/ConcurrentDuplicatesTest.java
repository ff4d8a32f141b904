package dev.lamina.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Lamina;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import dev.lamina.test.MutableClock;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.testkit.FeatureEnvironment;
import dev.lamina.testkit.ManualSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * 32 duplicates of one key at once, on 32 threads, against DynamoDB Local over HTTP. No test
 * waits for time to pass: the first call is held at a gate, and a waiting duplicate sleeps in a
 * {@link ManualSleeper} (given through {@link IdempotencyConfig}, as {@code @Idempotent} has no
 * sleeper), so each test knows that the path it names was taken before it moves on.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class ConcurrentDuplicatesTest {
  private static final int DUPLICATES = 32;
  private static final String ORDER = "{\"orderId\":\"o-1\",\"quantity\":2}";
  private static final String FIRST_RECEIPT = "{\"orderId\":\"o-1\",\"run\":1}";
  private static final long WAIT_SECONDS = 20;

  private final DynamoDbLocalTables dynamo;
  // Real time at the start: DynamoDB Local's TTL deletes items whose expiration is in the past.
  private final MutableClock clock = MutableClock.atSystemTime();
  private ExecutorService threads;
  private CompletionService<String> finished;
  private DynamoDbClient client;
  private String table;

  ConcurrentDuplicatesTest(DynamoDbLocalTables dynamo) {
    this.dynamo = dynamo;
  }

  @BeforeEach
  void setUp() {
    threads = Executors.newFixedThreadPool(DUPLICATES);
    finished = new ExecutorCompletionService<>(threads);
    table = dynamo.create("idempotency", IdempotencyTable::create);
    client = DynamoDbLocalTables.client(dynamo.endpoint());
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    threads.shutdownNow();
    threads.awaitTermination(10, TimeUnit.SECONDS);
    client.close();
  }

  /** The next call to finish, failing the test if none does in time. */
  private String nextFinished(String what) throws Exception {
    Future<String> next = finished.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(next, what + " did not finish within " + WAIT_SECONDS + " s");
    return next.get();
  }

  /** Its result, or the simple name of what it threw. */
  private static Callable<String> outcome(Callable<String> call) {
    return () -> {
      try {
        return call.call();
      } catch (RuntimeException e) {
        return e.getClass().getSimpleName();
      }
    };
  }

  // --- @Idempotent, no waiting: duplicates are rejected at once -------------------------------

  private Orders.ByOrderId annotated(
      Function<HandlerEnvironment, ? extends Orders.ByOrderId> constructor) {
    return constructor.apply(
        HandlerEnvironment.builder()
            .variables(FeatureEnvironment.idempotency(table, dynamo.endpoint()))
            .build());
  }

  private static String invoke(Orders.ByOrderId handler, String requestId) {
    return Invoke.stream(
        handler,
        ORDER,
        FakeContext.builder()
            .requestId(requestId)
            .functionName("orders")
            .timeout(Duration.ofSeconds(30))
            .build());
  }

  @Test
  void duplicates_runTheHandlerOnce_andTheOthersAreRejectedAsInProgress() throws Exception {
    Orders.ByOrderId handler = annotated(Orders.ByOrderId::new);
    handler.release = new CountDownLatch(1);
    for (int i = 0; i < DUPLICATES; i++) {
      String requestId = "req-" + i;
      finished.submit(outcome(() -> invoke(handler, requestId)));
    }

    // The winner is held in its body; every other duplicate must finish meanwhile, rejected.
    assertTrue(handler.started.await(WAIT_SECONDS, TimeUnit.SECONDS), "no call ran the handler");
    List<String> whileHeld = new ArrayList<>();
    for (int i = 1; i < DUPLICATES; i++) {
      whileHeld.add(
          nextFinished(
              "duplicate " + i + " of " + (DUPLICATES - 1) + " while the first held the key"));
    }
    handler.release.countDown();

    assertEquals(FIRST_RECEIPT, nextFinished("the first call"));
    assertEquals(Collections.nCopies(DUPLICATES - 1, "IdempotencyInProgressException"), whileHeld);
    assertEquals(1, handler.runs.get());
  }

  @Test
  void waitForInProgress_onTheAnnotation_makesADuplicateWait_thenGiveUp() throws Exception {
    // The annotation's wait reaches the engine, which sleeps for real here (300 ms at most).
    Orders.ByOrderId handler = annotated(Orders.BrieflyWaitingByOrderId::new);
    handler.release = new CountDownLatch(1);
    finished.submit(outcome(() -> invoke(handler, "req-1")));
    assertTrue(handler.started.await(WAIT_SECONDS, TimeUnit.SECONDS), "the first call never ran");

    long start = System.nanoTime();
    String duplicate = outcome(() -> invoke(handler, "req-2")).call();
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;
    handler.release.countDown();

    assertEquals("IdempotencyInProgressException", duplicate);
    assertTrue(waitedMillis >= 150, "gave up after " + waitedMillis + " ms, without waiting");
    assertEquals(FIRST_RECEIPT, nextFinished("the first call"));
  }

  // --- The decorator with a manual sleeper: what a waiting duplicate does ---------------------

  private RequestHandler<Map<String, Object>, String> waiting(
      Orders.GatedOrders orders, ManualSleeper sleeper, Duration wait) {
    IdempotencyConfig config =
        IdempotencyConfig.custom()
            .store(DynamoDbIdempotencyStore.builder().client(client).table(table).build())
            .key(KeyExtractors.path("/orderId"))
            .waitForInProgress(wait)
            .sleeper(sleeper::sleep)
            .build();
    return Lamina.decorate(orders, Map.class, String.class)
        .environment(HandlerEnvironment.builder().clock(clock).variables(Map.of()).build())
        .feature(config)
        .buildRequestHandler();
  }

  private Callable<String> call(
      RequestHandler<Map<String, Object>, String> handler, String requestId) {
    return outcome(
        () ->
            handler.handleRequest(
                Map.of("orderId", "o-1", "quantity", 2),
                FakeContext.builder()
                    .requestId(requestId)
                    .functionName("orders")
                    .clock(clock)
                    .timeout(Duration.ofSeconds(30))
                    .build()));
  }

  @Test
  void waitingDuplicate_givesUpAfterItsWait_withTheInProgressError() throws Exception {
    Orders.GatedOrders orders = new Orders.GatedOrders();
    orders.gateFirst = true;
    ManualSleeper sleeper = ManualSleeper.advancing(clock);
    RequestHandler<Map<String, Object>, String> handler =
        waiting(orders, sleeper, Duration.ofMillis(300));
    finished.submit(call(handler, "req-1"));
    assertTrue(orders.firstStarted.await(WAIT_SECONDS, TimeUnit.SECONDS), "no first call");

    Instant before = clock.instant();
    String duplicate =
        assertTimeoutPreemptively(
            Duration.ofSeconds(WAIT_SECONDS),
            () -> call(handler, "req-2").call(),
            "the duplicate never gave up");
    Duration waited = Duration.between(before, clock.instant());
    orders.releaseFirst.countDown();

    assertEquals("IdempotencyInProgressException", duplicate);
    assertTrue(sleeper.sleeps().size() >= 2, "it polled while it waited: " + sleeper.sleeps());
    assertEquals(sleeper.total(), waited, "only the duplicate's sleeps moved the clock");
    assertTrue(
        waited.compareTo(Duration.ofMillis(150)) >= 0
            && waited.compareTo(Duration.ofMillis(300)) < 0,
        "waited " + waited + " of 300 ms");
    assertEquals("run 1 for o-1", nextFinished("the first call"));
    assertEquals(1, orders.runs.get());
  }

  @Test
  void waitingDuplicate_whoseFirstFails_claimsTheKeyAndRuns() throws Exception {
    Orders.GatedOrders orders = new Orders.GatedOrders();
    orders.gateFirst = true;
    orders.firstFails = new IllegalStateException("first attempt fails");
    ManualSleeper sleeper = ManualSleeper.holding(clock);
    RequestHandler<Map<String, Object>, String> handler =
        waiting(orders, sleeper, Duration.ofSeconds(10));
    Future<String> first = threads.submit(call(handler, "req-1"));
    assertTrue(orders.firstStarted.await(WAIT_SECONDS, TimeUnit.SECONDS), "no first call");
    Future<String> duplicate = threads.submit(call(handler, "req-2"));

    sleeper.awaitSleeping(1, Duration.ofSeconds(WAIT_SECONDS)); // found the key held: waits
    orders.releaseFirst.countDown();
    assertEquals("IllegalStateException", first.get(WAIT_SECONDS, TimeUnit.SECONDS));
    sleeper.open(); // looks again: the failed claim was released, so it claims and runs

    assertEquals("run 2 for o-1", duplicate.get(WAIT_SECONDS, TimeUnit.SECONDS));
    assertEquals(2, orders.runs.get());
  }

  @Test
  void duplicates_thatWait_allGetTheFirstResult() throws Exception {
    Orders.GatedOrders orders = new Orders.GatedOrders();
    orders.gateFirst = true;
    ManualSleeper sleeper = ManualSleeper.holding(clock);
    RequestHandler<Map<String, Object>, String> handler =
        waiting(orders, sleeper, Duration.ofSeconds(10));
    for (int i = 0; i < DUPLICATES; i++) {
      finished.submit(call(handler, "req-" + i));
    }

    assertTrue(orders.firstStarted.await(WAIT_SECONDS, TimeUnit.SECONDS), "no first call");
    sleeper.awaitSleeping(DUPLICATES - 1, Duration.ofSeconds(WAIT_SECONDS)); // all waiting
    orders.releaseFirst.countDown();
    assertEquals("run 1 for o-1", nextFinished("the first call"));
    sleeper.open(); // they look again and find the stored result

    List<String> responses = new ArrayList<>();
    for (int i = 1; i < DUPLICATES; i++) {
      responses.add(nextFinished("waiting duplicate " + i));
    }
    assertEquals(Collections.nCopies(DUPLICATES - 1, "run 1 for o-1"), responses);
    assertEquals(1, orders.runs.get());
  }
}
