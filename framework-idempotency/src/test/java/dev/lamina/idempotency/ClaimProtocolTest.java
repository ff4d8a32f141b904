package dev.lamina.idempotency;

import static dev.lamina.test.dynamodb.DynamoDbLocalTables.only;
import static dev.lamina.test.dynamodb.DynamoDbLocalTables.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.Lamina;
import dev.lamina.core.TimeGuardConfig;
import dev.lamina.test.CapturedStdout;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import dev.lamina.test.MutableClock;
import dev.lamina.test.dynamodb.DynamoDbFaultProxy;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The claim protocol where it meets the store's failure modes, against DynamoDB Local over HTTP
 * with faults injected by a proxy: owned claims, a write the SDK retried after it succeeded, a
 * holder gone when read, a TTL attribute that cannot free a running claim, a completion that
 * fails in any way, and a waiting duplicate that leaves itself time to run.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class ClaimProtocolTest {
  private static final String ORDER = "{\"orderId\":\"o-1\",\"quantity\":2}";

  private final DynamoDbLocalTables dynamo;
  // Real time: DynamoDB Local's TTL deletes items whose expiration is in the real past.
  private final MutableClock clock = MutableClock.atSystemTime();
  private DynamoDbFaultProxy proxy;
  private DynamoDbClient client;
  private String table;

  ClaimProtocolTest(DynamoDbLocalTables dynamo) {
    this.dynamo = dynamo;
  }

  @BeforeEach
  void setUp() throws Exception {
    proxy = new DynamoDbFaultProxy(dynamo.endpoint());
    client = DynamoDbLocalTables.client(proxy.endpoint());
    table = dynamo.create("idempotency", IdempotencyTable::create);
  }

  @AfterEach
  void tearDown() {
    client.close();
    proxy.close();
  }

  private IdempotencyConfig.Builder config() {
    return IdempotencyConfig.custom()
        .store(DynamoDbIdempotencyStore.builder().client(client).table(table).build())
        .key(KeyExtractors.path("/orderId"));
  }

  private FakeContext context(String requestId, Duration timeout) {
    return FakeContext.builder()
        .requestId(requestId)
        .functionName("orders")
        .clock(clock)
        .timeout(timeout)
        .build();
  }

  /** The plain-Java decorator, on the test's clock. */
  private RequestHandler<Map<String, Object>, String> decorate(
      Orders.GatedOrders orders, IdempotencyConfig config) {
    return Lamina.decorate(orders, Map.class, String.class)
        .environment(HandlerEnvironment.builder().clock(clock).variables(Map.of()).build())
        .feature(config)
        .buildRequestHandler();
  }

  private static Map<String, Object> order() {
    return Map.of("orderId", "o-1", "quantity", 2);
  }

  private Map<String, AttributeValue> onlyRecord() {
    return only(dynamo.items(table));
  }

  @Test
  void claimWriteRetriedBySdkAfterItSucceeded_isRecognisedAsOwn_andTheHandlerRunsOnce() {
    AtomicInteger putItems = new AtomicInteger();
    // DynamoDB stores the first PutItem, but its answer is lost: the SDK sees a 500 and retries.
    proxy.afterForwarding(
        "PutItem",
        (status, body) ->
            putItems.incrementAndGet() == 1
                ? new DynamoDbFaultProxy.Answer(
                    500, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\"}")
                : null);
    Orders.GatedOrders orders = new Orders.GatedOrders();
    RequestHandler<Map<String, Object>, String> handler = decorate(orders, config().build());

    String result = handler.handleRequest(order(), context("req-1", Duration.ofSeconds(30)));

    assertEquals("run 1 for o-1", result);
    assertEquals(2, putItems.get(), "the SDK retried the claim");
    assertEquals(1, orders.runs.get());
    assertEquals("COMPLETED", text(onlyRecord(), "status"));
    assertEquals("\"run 1 for o-1\"", text(onlyRecord(), "data"));
  }

  @Test
  void lateCompletion_afterTheClaimLapsedAndWasTakenOver_neverOverwritesTheNewOwnersResult()
      throws Exception {
    Orders.GatedOrders orders = new Orders.GatedOrders();
    orders.gateFirst = true;
    RequestHandler<Map<String, Object>, String> handler = decorate(orders, config().build());
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () -> handler.handleRequest(order(), context("req-1", Duration.ofSeconds(2))));
    assertTrue(orders.firstStarted.await(10, TimeUnit.SECONDS));
    String firstOwner = text(onlyRecord(), "owner");

    // The first invocation overruns its deadline; a retry takes the lapsed claim and completes.
    clock.advance(Duration.ofSeconds(3));
    String second = handler.handleRequest(order(), context("req-2", Duration.ofSeconds(30)));
    orders.releaseFirst.countDown();
    String late = first.get(10, TimeUnit.SECONDS);

    assertEquals("run 2 for o-1", second);
    assertEquals("run 1 for o-1", late, "the late caller still gets its own result");
    Map<String, AttributeValue> record = onlyRecord();
    assertEquals("\"run 2 for o-1\"", text(record, "data"), "one stored result: the owner's");
    assertFalse(firstOwner.equals(text(record, "owner")));
    assertEquals(
        "run 2 for o-1", handler.handleRequest(order(), context("req-3", Duration.ofSeconds(30))));
    assertEquals(2, orders.runs.get());
  }

  @Test
  void refusedClaimWhoseHolderIsGoneWhenRead_claimsAgain_neverRunsWithoutAClaim() {
    Orders.GatedOrders orders = new Orders.GatedOrders();
    RequestHandler<Map<String, Object>, String> handler = decorate(orders, config().build());
    // Another invocation holds the key ...
    String id = someoneElseHoldsTheKey("orders." + Orders.GatedOrders.class.getName());
    // ... the store answers the refusal without the record (no ALL_OLD), and the holder releases
    // its claim before the record is read.
    AtomicInteger refusals = new AtomicInteger();
    proxy.afterForwarding(
        "PutItem",
        (status, body) -> {
          if (status == 400
              && body.contains("ConditionalCheckFailed")
              && refusals.incrementAndGet() == 1) {
            dynamo
                .admin()
                .deleteItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id))));
            return new DynamoDbFaultProxy.Answer(
                400,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810"
                    + "#ConditionalCheckFailedException\",\"message\":\"The conditional request failed\"}");
          }
          return null;
        });
    proxy.drain();

    String result = handler.handleRequest(order(), context("req-1", Duration.ofSeconds(30)));

    assertEquals("run 1 for o-1", result);
    assertEquals(
        List.of("PutItem", "GetItem", "PutItem", "UpdateItem"),
        proxy.drain(),
        "claimed again before running");
    Map<String, AttributeValue> record = onlyRecord();
    assertEquals("COMPLETED", text(record, "status"));
    assertNotNull(text(record, "owner"), "completed under a claim of its own");
  }

  @Test
  void inProgressRecord_expiresNeverBeforeItsLapse_soAShortExpiryLetsNoDuplicateIn()
      throws Exception {
    Orders.GatedOrders orders = new Orders.GatedOrders();
    orders.gateFirst = true;
    RequestHandler<Map<String, Object>, String> handler =
        decorate(orders, config().expiry(Duration.ofSeconds(1)).build());
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () -> handler.handleRequest(order(), context("req-1", Duration.ofSeconds(30))));
    assertTrue(orders.firstStarted.await(10, TimeUnit.SECONDS));

    Map<String, AttributeValue> claim = onlyRecord();
    long expiration = Long.parseLong(text(claim, "expiration"));
    long lapse = Long.parseLong(text(claim, "in_progress_expiration"));
    assertTrue(expiration * 1000 >= lapse, "TTL " + expiration + " s before the lapse " + lapse);

    clock.advance(Duration.ofSeconds(5)); // the 1 s expiry has long passed; the deadline has not
    assertThrows(
        IdempotencyInProgressException.class,
        () -> handler.handleRequest(order(), context("req-2", Duration.ofSeconds(30))));
    orders.releaseFirst.countDown();
    assertEquals("run 1 for o-1", first.get(10, TimeUnit.SECONDS));
    assertEquals(1, orders.runs.get());
  }

  /** A store whose completion fails with an arbitrary runtime exception. */
  static final class CompletionFails extends ForwardingStore {
    CompletionFails(IdempotencyStore delegate) {
      super(delegate);
    }

    @Override
    public boolean complete(IdempotencyRecord completed) {
      throw new IllegalStateException("connection pool shut down");
    }
  }

  @Test
  void storeFailureOfAnyKind_onComplete_returnsTheResult_logsOneWarning_andKeepsTheClaim() {
    Orders.GatedOrders orders = new Orders.GatedOrders();
    IdempotencyStore store =
        new CompletionFails(DynamoDbIdempotencyStore.builder().client(client).table(table).build());
    RequestHandler<Map<String, Object>, String> handler =
        decorate(orders, config().store(store).build());
    String result;
    List<JsonNode> lines;
    try (CapturedStdout out = new CapturedStdout()) {
      result = handler.handleRequest(order(), context("req-1", Duration.ofSeconds(30)));
      lines = out.jsonLines();
    }

    assertEquals("run 1 for o-1", result, "the caller gets its result");
    assertEquals(1, lines.size(), lines.toString());
    assertEquals("WARN", lines.get(0).get("level").asText());
    assertTrue(lines.get(0).get("message").asText().contains(text(onlyRecord(), "id")));
    assertTrue(
        lines.get(0).get("message").asText().contains(IllegalStateException.class.getName()));
    assertFalse(lines.toString().contains("connection pool"), "no exception message is logged");
    assertEquals("INPROGRESS", text(onlyRecord(), "status"), "defined: in progress");
    assertThrows(
        IdempotencyInProgressException.class,
        () -> handler.handleRequest(order(), context("req-2", Duration.ofSeconds(30))));
    assertEquals(1, orders.runs.get());
  }

  /** The first invocation, still running: a claim by another owner in the table. */
  /** Writes that claim and returns its record id. */
  private String someoneElseHoldsTheKey(String namespace) {
    String id = namespace + "#" + dev.lamina.idempotency.internal.Hashes.sha256("o-1");
    dynamo
        .admin()
        .putItem(
            b ->
                b.tableName(table)
                    .item(
                        Map.of(
                            "id",
                            AttributeValue.fromS(id),
                            "status",
                            AttributeValue.fromS("INPROGRESS"),
                            "expiration",
                            AttributeValue.fromN(
                                Long.toString(clock.instant().getEpochSecond() + 60)),
                            "in_progress_expiration",
                            AttributeValue.fromN(
                                Long.toString(clock.instant().plusSeconds(60).toEpochMilli())),
                            "owner",
                            AttributeValue.fromS("someone-else"))));
    return id;
  }

  private RequestStreamHandler waitingHandler(
      IdempotencyConfig config, Duration guardMargin, AtomicInteger runs) {
    return waitingHandler(
        config, guardMargin, runs, HandlerEnvironment.builder().clock(clock).variables(Map.of()));
  }

  private RequestStreamHandler waitingHandler(
      IdempotencyConfig config,
      Duration guardMargin,
      AtomicInteger runs,
      HandlerEnvironment.Builder environment) {
    Lamina.Builder<Map<String, Object>, String> builder =
        Lamina.handler(
            Map.class,
            String.class,
            (Map<String, Object> order, Invocation invocation) -> "run " + runs.incrementAndGet());
    if (guardMargin != null) {
      builder.feature(
          TimeGuardConfig.custom().safetyMargin(guardMargin).watchdogAt(Duration.ZERO).build());
    }
    return builder
        .environment(environment.build())
        .handlerClass(ClaimProtocolTest.class)
        .feature(config)
        .build();
  }

  @Test
  void waitingDuplicate_stopsWhileTheTimeGuardsMarginIsStillLeft() {
    someoneElseHoldsTheKey("orders." + ClaimProtocolTest.class.getName());
    List<Duration> slept = new ArrayList<>();
    IdempotencyConfig config =
        config()
            .waitForInProgress(Duration.ofSeconds(10))
            .sleeper(
                d -> {
                  slept.add(d);
                  clock.advance(d);
                })
            .build();
    AtomicInteger runs = new AtomicInteger();
    RequestStreamHandler handler = waitingHandler(config, Duration.ofSeconds(2), runs);
    Instant deadline = clock.instant().plusSeconds(5);

    assertThrows(
        IdempotencyInProgressException.class,
        () -> Invoke.stream(handler, ORDER, context("req-2", Duration.ofSeconds(5))));

    assertFalse(slept.isEmpty(), "it waited");
    assertFalse(
        clock.instant().isAfter(deadline.minusSeconds(2)),
        "stopped waiting by " + clock.instant() + ", with the 2 s margin before " + deadline);
    assertTrue(clock.instant().isAfter(deadline.minusSeconds(4)), "but waited as long as it could");
    assertEquals(0, runs.get());
  }

  @Test
  void waitingDuplicate_keepsTheConfiguredMinimumRunTime_withoutATimeGuard() {
    someoneElseHoldsTheKey("orders." + ClaimProtocolTest.class.getName());
    IdempotencyConfig config =
        config()
            .waitForInProgress(Duration.ofSeconds(10))
            .minimumRunTime(Duration.ofSeconds(3))
            .sleeper(clock::advance)
            .build();
    RequestStreamHandler handler = waitingHandler(config, null, new AtomicInteger());
    Instant deadline = clock.instant().plusSeconds(5);

    assertThrows(
        IdempotencyInProgressException.class,
        () -> Invoke.stream(handler, ORDER, context("req-2", Duration.ofSeconds(5))));

    assertFalse(clock.instant().isAfter(deadline.minusSeconds(3)), clock.instant().toString());
  }

  @Test
  void waitingDuplicate_sleepsWithTheHandlerEnvironmentsSleeper_whenTheConfigGivesNone() {
    someoneElseHoldsTheKey("orders." + ClaimProtocolTest.class.getName());
    IdempotencyConfig config =
        config()
            .waitForInProgress(Duration.ofSeconds(10))
            .minimumRunTime(Duration.ofSeconds(3))
            .build();
    List<Duration> slept = new ArrayList<>();
    RequestStreamHandler handler =
        waitingHandler(
            config,
            null,
            new AtomicInteger(),
            HandlerEnvironment.builder()
                .clock(clock)
                .variables(Map.of())
                .sleeper(
                    d -> {
                      slept.add(d);
                      clock.advance(d);
                    }));

    // With Thread.sleep instead, the clock would never move and the wait would not end.
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            assertThrows(
                IdempotencyInProgressException.class,
                () -> Invoke.stream(handler, ORDER, context("req-2", Duration.ofSeconds(5)))));

    assertFalse(slept.isEmpty(), "the environment's sleeper did the waiting");
  }
}
