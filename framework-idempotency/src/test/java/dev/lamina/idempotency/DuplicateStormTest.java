package dev.lamina.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.core.HandlerEnvironment;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import dev.lamina.test.TokenBucket;
import dev.lamina.test.dynamodb.DynamoDbFaultProxy;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.testkit.FeatureEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A storm of 200 duplicates of one idempotency key at once, on 200 threads, against DynamoDB Local
 * behind a {@link DynamoDbFaultProxy} that throttles like a hot partition: a token bucket of {@value
 * #RATE} requests a second with a burst of {@value #BURST}, answering the rest {@code
 * ProvisionedThroughputExceededException} as DynamoDB does. The handler is {@code @Idempotent}
 * with its client built from the environment (the SDK's standard retries, as in production), and
 * the first run is held at a gate until a tenth of the duplicates have finished, so those finish
 * while it is in progress and the rest race its completion. The bucket is far below what 200 calls
 * at once need, so the SDK's three attempts are not enough for most callers: the engine's own
 * backoff on a throttled store (within the invocation's time) carries them through.
 *
 * <p>Asserted: the handler ran exactly once; every other caller got the first run's receipt or a
 * typed {@link IdempotencyInProgressException}, nothing else; and a scan of the table at the end
 * finds one record, completed: no claim left behind. The counts are printed.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class DuplicateStormTest {
  static final int DUPLICATES = 200;
  static final int RATE = 50;
  static final int BURST = 20;
  private static final String ORDER = "{\"orderId\":\"o-storm\",\"quantity\":1}";
  private static final String RECEIPT = "{\"orderId\":\"o-storm\",\"run\":1}";

  private final DynamoDbLocalTables dynamo;
  private DynamoDbFaultProxy proxy;
  private ExecutorService threads;
  private DynamoDbClient scanner;
  private String table;

  DuplicateStormTest(DynamoDbLocalTables dynamo) {
    this.dynamo = dynamo;
  }

  @BeforeEach
  void setUp() throws Exception {
    table = dynamo.create("idempotency", IdempotencyTable::create);
    proxy = new DynamoDbFaultProxy(dynamo.endpoint());
    threads = Executors.newFixedThreadPool(DUPLICATES);
    scanner = DynamoDbLocalTables.client(dynamo.endpoint());
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    threads.shutdownNow();
    threads.awaitTermination(30, TimeUnit.SECONDS);
    proxy.close();
    scanner.close();
  }

  @Test
  void twoHundredDuplicates_underThrottling_runOnce_andLeaveNoClaimBehind() throws Exception {
    Orders.ByOrderId handler =
        new Orders.ByOrderId(
            HandlerEnvironment.builder()
                .variables(FeatureEnvironment.idempotency(table, proxy.endpoint()))
                .build());
    // Warm the client's connection and classes before the storm, then count from zero.
    scanner.describeTable(b -> b.tableName(table));
    proxy.drain();
    proxy.throttle(new TokenBucket(RATE, BURST, Clock.systemUTC()));
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch firstTenthDone = new CountDownLatch(DUPLICATES / 10);
    handler.release = firstTenthDone;
    long start = System.nanoTime();

    List<Future<String>> calls = new ArrayList<>();
    for (int i = 0; i < DUPLICATES; i++) {
      String requestId = "req-" + i;
      calls.add(
          threads.submit(
              () -> {
                gate.await();
                String outcome;
                try {
                  outcome =
                      Invoke.stream(
                          handler,
                          ORDER,
                          FakeContext.builder()
                              .requestId(requestId)
                              .functionName("orders")
                              .timeout(Duration.ofSeconds(30))
                              .build());
                } catch (RuntimeException e) {
                  outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                firstTenthDone.countDown();
                return outcome;
              }));
    }
    gate.countDown();
    Map<String, Integer> outcomes = new TreeMap<>();
    for (Future<String> call : calls) {
      String outcome = call.get(60, TimeUnit.SECONDS);
      outcomes.merge(
          outcome.startsWith("IdempotencyInProgressException")
              ? "IdempotencyInProgressException"
              : outcome,
          1,
          Integer::sum);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;

    List<Map<String, AttributeValue>> items = scanner.scan(b -> b.tableName(table)).items();
    int receipts = outcomes.getOrDefault(RECEIPT, 0);
    int inProgress = outcomes.getOrDefault("IdempotencyInProgressException", 0);
    long calls200 = 0;
    long throttled = 0;
    StringBuilder perOperation = new StringBuilder();
    for (String op : proxy.operations()) {
      calls200 += proxy.forwarded(op);
      throttled += proxy.throttled(op);
      perOperation
          .append(' ')
          .append(op)
          .append('=')
          .append(proxy.forwarded(op))
          .append('+')
          .append(proxy.throttled(op))
          .append(" throttled");
    }
    System.out.printf(
        "duplicate storm: %d invocations, executions %d, replays %d, in-progress errors %d,"
            + " DynamoDB calls %d forwarded + %d throttled (%s ), %d ms real%n",
        DUPLICATES,
        handler.runs.get(),
        receipts - 1,
        inProgress,
        calls200,
        throttled,
        perOperation.toString().trim(),
        millis);

    assertEquals(1, handler.runs.get(), "executions");
    assertEquals(
        DUPLICATES,
        receipts + inProgress,
        "every caller got the receipt or in-progress: " + outcomes);
    assertTrue(throttled > 0, "the storm was throttled");
    assertEquals(1, items.size(), "records in the table: " + items);
    assertEquals("COMPLETED", items.get(0).get("status").s(), "the one record: " + items.get(0));
  }
}
