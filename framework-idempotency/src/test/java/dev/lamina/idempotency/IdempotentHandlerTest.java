package dev.lamina.idempotency;

import static dev.lamina.test.dynamodb.DynamoDbLocalTables.only;
import static dev.lamina.test.dynamodb.DynamoDbLocalTables.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.core.HandlerEnvironment;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import dev.lamina.test.MutableClock;
import dev.lamina.test.dynamodb.DynamoDbFaultProxy;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.testkit.FeatureEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code @Idempotent} on a {@code LambdaHandler}, configured from environment variables, against
 * DynamoDB Local over HTTP. Calls are counted at the HTTP layer by a proxy in front of DynamoDB
 * Local, because the client is the one the annotation builds itself.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class IdempotentHandlerTest {
  private static final String ORDER = "{\"orderId\":\"o-1\",\"quantity\":2}";

  private final DynamoDbLocalTables dynamo;
  // Real time: DynamoDB Local's TTL deletes items whose expiration is in the real past.
  private final MutableClock clock = MutableClock.atSystemTime();
  private DynamoDbFaultProxy proxy;
  private String table;

  IdempotentHandlerTest(DynamoDbLocalTables dynamo) {
    this.dynamo = dynamo;
  }

  @BeforeEach
  void setUp() throws Exception {
    proxy = new DynamoDbFaultProxy(dynamo.endpoint());
    table = dynamo.create("idempotency", IdempotencyTable::create);
  }

  @AfterEach
  void tearDown() {
    proxy.close();
  }

  private HandlerEnvironment environment() {
    return HandlerEnvironment.builder()
        .clock(clock)
        .variables(FeatureEnvironment.idempotency(table, proxy.endpoint()))
        .build();
  }

  private <H> H handler(Function<HandlerEnvironment, H> constructor) {
    return constructor.apply(environment());
  }

  private FakeContext context(String requestId) {
    return FakeContext.builder()
        .requestId(requestId)
        .functionName("orders")
        .timeout(Duration.ofSeconds(30))
        .clock(clock)
        .build();
  }

  private String invoke(
      com.amazonaws.services.lambda.runtime.RequestStreamHandler handler,
      String json,
      String requestId) {
    return Invoke.stream(handler, json, context(requestId));
  }

  @Test
  void firstCall_runsHandler_andStoresResult_inTwoCalls() {
    Orders.ByRequestId handler = handler(Orders.ByRequestId::new);
    proxy.drain();

    String response = invoke(handler, ORDER, "req-1");

    assertEquals("{\"orderId\":\"o-1\",\"run\":1}", response);
    assertEquals(List.of("PutItem", "UpdateItem"), proxy.drain());
    Map<String, AttributeValue> record = only(dynamo.items(table));
    assertEquals("COMPLETED", text(record, "status"));
    assertEquals("{\"orderId\":\"o-1\",\"run\":1}", text(record, "data"));
    assertTrue(
        text(record, "id").startsWith("orders." + Orders.ByRequestId.class.getName() + "#"),
        "namespaced by function and handler");
    assertEquals(64, text(record, "validation").length(), "SHA-256 payload hash");
    assertEquals(
        clock.instant().plus(Duration.ofHours(1)).getEpochSecond(),
        Long.parseLong(text(record, "expiration")));
  }

  @Test
  void repeat_returnsStoredResult_withoutRunningHandler_inOneCall() {
    Orders.ByRequestId handler = handler(Orders.ByRequestId::new);
    String first = invoke(handler, ORDER, "req-1");
    proxy.drain();

    String repeat = invoke(handler, ORDER, "req-1");

    assertEquals(first, repeat);
    assertEquals(1, handler.runs.get());
    assertEquals(List.of("PutItem"), proxy.drain(), "the failed claim returns the record");
  }

  @Test
  void newRequestId_isANewKey() {
    Orders.ByRequestId handler = handler(Orders.ByRequestId::new);
    invoke(handler, ORDER, "req-1");

    assertEquals("{\"orderId\":\"o-1\",\"run\":2}", invoke(handler, ORDER, "req-2"));
  }

  @Test
  void repeat_withLocalCache_costsNoDynamoDbCall() {
    Orders.CachedByOrderId handler = handler(Orders.CachedByOrderId::new);
    String first = invoke(handler, ORDER, "req-1");
    proxy.drain();

    String repeat = invoke(handler, ORDER, "req-2");

    assertEquals(first, repeat);
    assertEquals(1, handler.runs.get());
    assertEquals(List.of(), proxy.drain());
  }

  @Test
  void localCache_respectsRecordExpiry() {
    Orders.CachedByOrderId handler = handler(Orders.CachedByOrderId::new);
    invoke(handler, ORDER, "req-1");
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    proxy.drain();

    assertEquals("{\"orderId\":\"o-1\",\"run\":2}", invoke(handler, ORDER, "req-2"));
    assertEquals(List.of("PutItem", "UpdateItem"), proxy.drain());
  }

  @Test
  void throwingHandler_releasesClaim_itsOwnExceptionReachesCaller_andNextCallRuns() {
    Orders.ByOrderId handler = handler(Orders.ByOrderId::new);
    IllegalStateException failure = new IllegalStateException("payment declined");
    handler.failing = failure;
    proxy.drain();

    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, () -> invoke(handler, ORDER, "req-1"));

    assertSame(failure, thrown, "the very same exception");
    assertEquals(List.of("PutItem", "DeleteItem"), proxy.drain());
    assertEquals(List.of(), dynamo.items(table));
    handler.failing = null;
    assertEquals("{\"orderId\":\"o-1\",\"run\":2}", invoke(handler, ORDER, "req-2"));
  }

  @Test
  void sameKey_withDifferentPayload_isRejected() {
    Orders.ByOrderId handler = handler(Orders.ByOrderId::new);
    invoke(handler, ORDER, "req-1");

    IdempotencyPayloadMismatchException e =
        assertThrows(
            IdempotencyPayloadMismatchException.class,
            () -> invoke(handler, "{\"orderId\":\"o-1\",\"quantity\":3}", "req-2"));

    assertEquals(1, handler.runs.get());
    assertTrue(e.getMessage().contains(e.recordId()), e.getMessage());
    assertFalse(e.getMessage().contains("quantity"), "no payload in the message");
  }

  @Test
  void validatePath_checksOnlyThatPart() {
    Orders.ValidatesQuantity handler = handler(Orders.ValidatesQuantity::new);
    String first = invoke(handler, "{\"orderId\":\"o-1\",\"quantity\":2,\"note\":\"a\"}", "r-1");

    assertEquals(
        first, invoke(handler, "{\"orderId\":\"o-1\",\"quantity\":2,\"note\":\"b\"}", "r-2"));
    assertThrows(
        IdempotencyPayloadMismatchException.class,
        () -> invoke(handler, "{\"orderId\":\"o-1\",\"quantity\":3,\"note\":\"a\"}", "r-3"));
    assertEquals(1, handler.runs.get());
  }

  @Test
  void expiredRecord_runsAgain() {
    Orders.ByOrderId handler = handler(Orders.ByOrderId::new);
    invoke(handler, ORDER, "req-1");
    clock.advance(Duration.ofHours(1).plusSeconds(1));

    assertEquals("{\"orderId\":\"o-1\",\"run\":2}", invoke(handler, ORDER, "req-2"));
  }

  @Test
  void duplicate_whileFirstInProgress_isRejectedWithTheKey_andRunsAfterItsDeadline()
      throws Exception {
    Orders.ByOrderId handler = handler(Orders.ByOrderId::new);
    handler.release = new CountDownLatch(1);
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(() -> invoke(handler, ORDER, "req-1"));
    // The body runs only once the claim is stored.
    assertTrue(handler.started.await(10, TimeUnit.SECONDS), "the first call never ran");
    Map<String, AttributeValue> claim = only(dynamo.items(table));
    assertEquals(
        clock.instant().plusSeconds(30).toEpochMilli(),
        Long.parseLong(text(claim, "in_progress_expiration")),
        "the claim lapses at the invocation's deadline");

    IdempotencyInProgressException e =
        assertThrows(IdempotencyInProgressException.class, () -> invoke(handler, ORDER, "req-2"));
    assertTrue(e.getMessage().contains(text(claim, "id")), e.getMessage());
    assertEquals(1, handler.runs.get());

    // The first invocation "dies": its deadline passes while its record is still in progress.
    clock.advance(Duration.ofSeconds(31));
    handler.release = null;
    assertEquals("{\"orderId\":\"o-1\",\"run\":2}", invoke(handler, ORDER, "req-3"));
    first.cancel(true);
  }

  @Test
  void oversizedResult_returnsToCaller_completesWithoutData_andDuplicateGetsTypedError() {
    Orders.ByOrderId handler = handler(Orders.ByOrderId::new);
    handler.fillerBytes = 500 * 1024;

    String response = invoke(handler, ORDER, "req-1");

    assertEquals(500 * 1024 + 37, response.length(), "the caller gets the whole result");
    Map<String, AttributeValue> record = only(dynamo.items(table));
    assertEquals("COMPLETED", text(record, "status"));
    assertNull(record.get("data"));
    assertThrows(
        IdempotencyResultUnavailableException.class, () -> invoke(handler, ORDER, "req-2"));
    assertEquals(1, handler.runs.get(), "side effects ran once");
  }

  @Test
  void resultJustUnderTheLimit_isStoredAndReplayed() {
    Orders.ByOrderId handler = handler(Orders.ByOrderId::new);
    handler.fillerBytes = 390 * 1024;

    String first = invoke(handler, ORDER, "req-1");

    assertEquals(first, invoke(handler, ORDER, "req-2"));
    assertEquals(1, handler.runs.get());
  }

  @Test
  void missingKey_failsByDefault_withoutTouchingTheStore() {
    Orders.ByOrderId handler = handler(Orders.ByOrderId::new);
    proxy.drain();

    IdempotencyKeyMissingException e =
        assertThrows(
            IdempotencyKeyMissingException.class,
            () -> invoke(handler, "{\"quantity\":2}", "req-1"));

    assertTrue(e.getMessage().contains("path(/orderId)"), e.getMessage());
    assertEquals(0, handler.runs.get());
    assertEquals(List.of(), proxy.drain());
  }

  @Test
  void missingKey_passesThrough_whenConfigured() {
    Orders.PassThrough handler = handler(Orders.PassThrough::new);
    proxy.drain();

    invoke(handler, "{\"quantity\":2}", "req-1");
    invoke(handler, "{\"quantity\":2}", "req-1");

    assertEquals(2, handler.runs.get());
    assertEquals(List.of(), proxy.drain());
  }

  @Test
  void snapStart_primesTheClientBeforeCheckpoint_andRecreatesItAfterRestore() throws Exception {
    List<org.crac.Resource> hooks = new java.util.ArrayList<>();
    Orders.ByRequestId handler =
        new Orders.ByRequestId(
            HandlerEnvironment.builder()
                .clock(clock)
                .variables(FeatureEnvironment.idempotency(table, proxy.endpoint()))
                .checkpointRegistry(hooks::add)
                .build());
    proxy.drain();

    for (org.crac.Resource hook : hooks) {
      hook.beforeCheckpoint(null);
    }
    assertEquals(List.of("GetItem"), proxy.drain(), "one cheap read warms the request path");
    for (org.crac.Resource hook : hooks) {
      hook.afterRestore(null);
    }

    assertEquals("{\"orderId\":\"o-1\",\"run\":1}", invoke(handler, ORDER, "req-1"));
    assertEquals(List.of("PutItem", "UpdateItem"), proxy.drain());
  }

  @Test
  void missingTable_failsInit_namingTheVariable() {
    HandlerEnvironment env =
        HandlerEnvironment.builder().variables(Map.of("AWS_REGION", "us-east-1")).build();

    IdempotencyException e =
        assertThrows(IdempotencyException.class, () -> new Orders.ByRequestId(env));

    assertTrue(e.getMessage().contains("[LAMINA_IDEMPOTENCY_TABLE]"), e.getMessage());
    assertTrue(e.getMessage().contains("[AWS_ACCESS_KEY_ID]"), "every problem at once");
  }

  @Idempotent(key = "body.orderId", expirySeconds = 0)
  static class Misconfigured extends dev.lamina.core.LambdaHandler<Orders.Order, Orders.Receipt> {
    Misconfigured(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    protected Orders.Receipt handle(Orders.Order input, dev.lamina.core.Invocation invocation) {
      return null;
    }
  }

  @Test
  void invalidAnnotation_failsInit_listingEveryProblem() {
    IdempotencyException e =
        assertThrows(IdempotencyException.class, () -> new Misconfigured(environment()));

    assertTrue(e.getMessage().contains("[body.orderId]"), e.getMessage());
    assertTrue(e.getMessage().contains("[expiry]"), e.getMessage());
  }

  @Test
  void invalidAnnotation_andMissingEnvironment_areReportedTogether() {
    HandlerEnvironment env =
        HandlerEnvironment.builder().variables(Map.of("AWS_REGION", "us-east-1")).build();

    IdempotencyException e = assertThrows(IdempotencyException.class, () -> new Misconfigured(env));

    for (String culprit :
        List.of(
            "[body.orderId]", "[expiry]", "[LAMINA_IDEMPOTENCY_TABLE]", "[AWS_ACCESS_KEY_ID]")) {
      assertTrue(e.getMessage().contains(culprit), culprit + " in: " + e.getMessage());
    }
    assertTrue(
        e.getMessage().contains("[" + Misconfigured.class.getName() + "]"),
        "names the handler: " + e.getMessage());
  }

  @Test
  void plainJavaFeature_withoutAStore_createsTheDynamoDbStoreFromTheHandlersEnvironment() {
    List<org.crac.Resource> hooks = new ArrayList<>();
    HandlerEnvironment env =
        HandlerEnvironment.builder()
            .clock(clock)
            .variables(FeatureEnvironment.idempotency(table, proxy.endpoint()))
            .checkpointRegistry(hooks::add)
            .build();
    AtomicInteger runs = new AtomicInteger();
    com.amazonaws.services.lambda.runtime.RequestStreamHandler handler =
        dev.lamina.core.Lamina.handler(
                Orders.Order.class,
                Orders.Receipt.class,
                (Orders.Order order, dev.lamina.core.Invocation invocation) ->
                    new Orders.Receipt(order.orderId(), runs.incrementAndGet(), null))
            .handlerClass(IdempotentHandlerTest.class)
            .feature(IdempotencyConfig.custom().build())
            .environment(env)
            .build();
    proxy.drain();

    String first = invoke(handler, ORDER, "req-1");
    String retry = invoke(handler, ORDER, "req-1");

    assertEquals(first, retry);
    assertEquals(1, runs.get());
    assertEquals(
        List.of("PutItem", "UpdateItem", "PutItem"),
        proxy.drain(),
        "claim, complete, and the retry's refused claim that returns the stored record");
    assertEquals(1, dynamo.items(table).size(), "the record is on LAMINA_IDEMPOTENCY_TABLE");
    assertEquals(1, hooks.size(), "the handler's resources, with the store's client, are hooked");
  }
}
