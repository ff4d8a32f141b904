package dev.lamina.idempotency;

import static dev.lamina.test.dynamodb.DynamoDbLocalTables.only;
import static dev.lamina.test.dynamodb.DynamoDbLocalTables.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.core.HandlerEnvironment;
import dev.lamina.idempotency.IdempotencyStoreException.Reason;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import dev.lamina.test.dynamodb.DynamoDbFaultProxy;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.testkit.FeatureEnvironment;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults injected at the HTTP layer between the real DynamoDbClient and DynamoDB Local: each gives
 * a typed error naming the table and operation, and the handler never runs without a claim.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class StoreFaultsTest {
  private static final String ORDER = "{\"orderId\":\"o-1\",\"quantity\":2}";

  private final DynamoDbLocalTables dynamo;
  private DynamoDbFaultProxy proxy;
  private String table;

  StoreFaultsTest(DynamoDbLocalTables dynamo) {
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

  private Orders.ByOrderId handler(String tableName, URI endpoint) {
    return new Orders.ByOrderId(
        HandlerEnvironment.builder()
            .variables(FeatureEnvironment.idempotency(tableName, endpoint))
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

  private IdempotencyStoreException claimFails(Orders.ByOrderId handler) {
    IdempotencyStoreException e =
        assertThrows(IdempotencyStoreException.class, () -> invoke(handler, "req-1"));
    assertEquals(0, handler.runs.get(), "the handler never runs without a claim");
    assertEquals("PutItem", e.operation());
    assertTrue(
        e.getMessage().contains("[PutItem]") && e.getMessage().contains("[" + e.table() + "]"),
        e.getMessage());
    return e;
  }

  @Test
  void throttledClaim_afterTheSdksRetries_isTypedAndTheHandlerDoesNotRun() {
    proxy.fail("PutItem", DynamoDbFaultProxy.Fault.THROTTLE);
    proxy.drain();

    IdempotencyStoreException e = claimFails(handler(table, proxy.endpoint()));

    assertEquals(Reason.THROTTLED, e.reason());
    assertEquals(table, e.table());
    // Each try of the engine is the SDK's 3 attempts; the engine backs off and tries again
    // within its throttle budget, then gives up with the typed failure.
    List<String> attempts = proxy.drain();
    assertTrue(
        attempts.size() > 3
            && attempts.size() % 3 == 0
            && Set.copyOf(attempts).equals(Set.of("PutItem")),
        "the SDK's 3 attempts per try of the engine, more than one try: " + attempts);
  }

  @Test
  void serverErrorOnClaim_isTyped() {
    proxy.fail("PutItem", DynamoDbFaultProxy.Fault.SERVER_ERROR);

    assertEquals(Reason.SERVICE_ERROR, claimFails(handler(table, proxy.endpoint())).reason());
  }

  @Test
  void accessDenied_isTyped_andSaysWhichPermissions() {
    proxy.fail("PutItem", DynamoDbFaultProxy.Fault.ACCESS_DENIED);

    IdempotencyStoreException e = claimFails(handler(table, proxy.endpoint()));

    assertEquals(Reason.ACCESS_DENIED, e.reason());
    assertTrue(e.getMessage().contains("dynamodb:PutItem"), e.getMessage());
  }

  @Test
  void closedPort_isUnreachable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }

    IdempotencyStoreException e =
        claimFails(handler(table, URI.create("http://127.0.0.1:" + port)));

    assertEquals(Reason.UNREACHABLE, e.reason());
  }

  @Test
  void missingTable_isTyped() {
    assertEquals(
        Reason.TABLE_NOT_FOUND, claimFails(handler("no-such-table", proxy.endpoint())).reason());
  }

  @Test
  void failureToStoreTheResult_stillReturnsIt_andTheClaimHoldsUntilItLapses() {
    Orders.ByOrderId handler = handler(table, proxy.endpoint());
    proxy.fail("UpdateItem", DynamoDbFaultProxy.Fault.SERVER_ERROR);

    assertEquals("{\"orderId\":\"o-1\",\"run\":1}", invoke(handler, "req-1"));

    proxy.heal();
    assertEquals("INPROGRESS", text(only(dynamo.items(table)), "status"));
    assertThrows(IdempotencyInProgressException.class, () -> invoke(handler, "req-2"));
    assertEquals(1, handler.runs.get());
  }

  @Test
  void failureToRelease_stillRethrowsTheHandlersOwnException() {
    Orders.ByOrderId handler = handler(table, proxy.endpoint());
    IllegalArgumentException failure = new IllegalArgumentException("bad order");
    handler.failing = failure;
    proxy.fail("DeleteItem", DynamoDbFaultProxy.Fault.THROTTLE);

    assertSame(
        failure, assertThrows(IllegalArgumentException.class, () -> invoke(handler, "req-1")));
    Map<String, ?> record = only(dynamo.items(table));
    assertEquals(
        "INPROGRESS",
        text(only(dynamo.items(table)), "status"),
        "the claim stays until it lapses: " + record.keySet());
  }
}
