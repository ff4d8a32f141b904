package dev.lamina.idempotency;

import static dev.lamina.test.dynamodb.DynamoDbLocalTables.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.idempotency.handlers.SlowOrderHandler;
import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InvocationRequest;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.testkit.FeatureEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A function under the real runtime interface client is killed mid-invocation, as a crash or a
 * timeout would; Lambda's retry reuses the request id.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class KilledFunctionTest {
  private static final String ORDER = "{\"orderId\":\"o-1\"}";
  private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(4);

  private final DynamoDbLocalTables dynamo;

  KilledFunctionTest(DynamoDbLocalTables dynamo) {
    this.dynamo = dynamo;
  }

  private LocalLambda start(String table, boolean block) {
    return LocalLambda.builder()
        .handler(SlowOrderHandler.class.getName() + "::handleRequest")
        .classPath(FunctionClassPath.withTestClasses())
        .environment(FeatureEnvironment.idempotency(table, dynamo.endpoint()))
        .environment("BLOCK", Boolean.toString(block))
        .functionName("orders")
        .timeout(FUNCTION_TIMEOUT)
        .start();
  }

  @Test
  void killedInvocation_blocksRetriesUntilItsDeadline_thenARetryRuns() throws Exception {
    String table = dynamo.create("idempotency", IdempotencyTable::create);
    try (LocalLambda stuck = start(table, true);
        LocalLambda fresh = start(table, false)) {
      // The environment Lambda retries in is started and warm before the crash, so the early
      // retry below lands well before the first invocation's deadline even on a slow machine.
      assertFalse(
          fresh.invoke(InvocationRequest.builder(ORDER).requestId("warm-up").build()).isError());
      InvocationRequest first =
          InvocationRequest.builder(ORDER)
              .requestId("req-async-1")
              .timeout(FUNCTION_TIMEOUT)
              .build();
      CompletableFuture<InvocationResult> answer = stuck.invokeAsync(first);
      stuck.awaitStdoutLine(line -> line.equals("blocking req-async-1"), Duration.ofSeconds(30));
      Map<String, AttributeValue> claim = recordOf(table, "req-async-1");
      assertNotNull(claim, "no record for req-async-1");
      assertEquals("INPROGRESS", text(claim, "status"), "claimed before it ran");
      long lateBy =
          Long.parseLong(text(claim, "in_progress_expiration")) - first.deadline().toEpochMilli();
      // Never before the announced deadline; late only by the moment between the runtime's read
      // of the time and Lamina's (longer when a loaded machine deschedules the child).
      assertTrue(
          lateBy >= 0 && lateBy < 500,
          "the claim lapses at the deadline the runtime"
              + " announced, never before it: "
              + lateBy
              + " ms after it");
      stuck.kill();
      assertThrows(ExecutionException.class, answer::get);

      // Lambda's retry of an asynchronous invocation: same request id, new deadline.
      InvocationResult early =
          fresh.invoke(
              InvocationRequest.builder(ORDER)
                  .requestId("req-async-1")
                  .timeout(FUNCTION_TIMEOUT)
                  .build());
      assertTrue(Instant.now().isBefore(first.deadline()), "the retry came before the deadline");
      assertTrue(early.isError(), early::toString);
      assertEquals(IdempotencyInProgressException.class.getName(), early.errorType());

      // The child runs on the real clock, so only real time takes it past the deadline.
      sleepUntil(first.deadline().plusMillis(100));
      InvocationResult late =
          fresh.invoke(
              InvocationRequest.builder(ORDER)
                  .requestId("req-async-1")
                  .timeout(FUNCTION_TIMEOUT)
                  .build());
      assertFalse(late.isError(), late::toString);
      assertTrue(late.body().contains("\"handledBy\":\"req-async-1\""), late.body());
      assertEquals("COMPLETED", text(recordOf(table, "req-async-1"), "status"));
    }
  }

  private Map<String, AttributeValue> recordOf(String table, String requestId) {
    String hash = dev.lamina.idempotency.internal.Hashes.sha256(requestId);
    return dynamo.items(table).stream()
        .filter(item -> text(item, "id").endsWith("#" + hash))
        .findFirst()
        .orElse(null);
  }

  private static void sleepUntil(Instant instant) throws InterruptedException {
    long millis = Duration.between(Instant.now(), instant).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}
