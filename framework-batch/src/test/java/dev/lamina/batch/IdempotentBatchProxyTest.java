package dev.lamina.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.idempotency.IdempotencyTable;
import dev.lamina.test.Invoke;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.testkit.FeatureEnvironment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** LAMINA_BATCH_IDEMPOTENT: per-record idempotency on DynamoDB (Local), set up from variables. */
@ExtendWith(DynamoDbLocalExtension.class)
class IdempotentBatchProxyTest {
  static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());

  private final DynamoDbLocalTables dynamo;

  IdempotentBatchProxyTest(DynamoDbLocalTables dynamo) {
    this.dynamo = dynamo;
  }

  /** An existing SQS function: fails messages whose body mentions "fail". */
  public static class ShipOrders implements RequestHandler<SQSEvent, Void> {
    @Override
    public Void handleRequest(SQSEvent event, Context context) {
      for (SQSEvent.SQSMessage m : event.getRecords()) {
        CALLS.add(m.getMessageId());
        if (m.getBody().contains("fail")) {
          throw new IllegalStateException("out of stock");
        }
      }
      return null;
    }
  }

  @BeforeEach
  void clearCalls() {
    CALLS.clear();
  }

  private Map<String, String> environment() {
    Map<String, String> env =
        FeatureEnvironment.idempotency(
            dynamo.create("batch-proxy", IdempotencyTable::create), dynamo.endpoint());
    env.put("LAMINA_BATCH_HANDLER", ShipOrders.class.getName());
    env.put("LAMINA_BATCH_IDEMPOTENT", "true");
    return env;
  }

  @Test
  void redeliveredMessage_reachesTheOriginalHandlerOnce_whileAFailedOneIsRetried() {
    BatchProxyHandler proxy =
        new BatchProxyHandler(HandlerEnvironment.builder().variables(environment()).build());
    String batch =
        BatchProxyHandlerTest.sqsEvent(
            Batches.STANDARD_QUEUE, "m-1", "ship", "m-2", "fail", "m-3", "ship");

    String first = Invoke.stream(proxy, batch);
    // A visibility timeout ran out before m-3 was deleted: SQS delivers all three again.
    String redelivery = Invoke.stream(proxy, batch);

    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}", first);
    assertEquals(first, redelivery);
    assertEquals(
        List.of("m-1", "m-2", "m-3", "m-2"),
        CALLS,
        "only the failed message ran again; a failure is not remembered");
  }

  @Test
  void keyFromThePayload_makesADuplicateSentUnderANewMessageId_runOnce() {
    Map<String, String> env = environment();
    env.put("LAMINA_IDEMPOTENCY_KEY", "/orderId");
    env.put("LAMINA_IDEMPOTENCY_EXPIRY_SECONDS", "600");
    BatchProxyHandler proxy =
        new BatchProxyHandler(HandlerEnvironment.builder().variables(env).build());

    String first =
        Invoke.stream(
            proxy,
            BatchProxyHandlerTest.sqsEvent(
                Batches.STANDARD_QUEUE, "m-1", "{\\\"orderId\\\":\\\"o-1\\\"}"));
    String resent =
        Invoke.stream(
            proxy,
            BatchProxyHandlerTest.sqsEvent(
                Batches.STANDARD_QUEUE,
                "m-9",
                "{\\\"orderId\\\":\\\"o-1\\\"}",
                "m-10",
                "{\\\"orderId\\\":\\\"o-2\\\"}"));

    assertEquals("{\"batchItemFailures\":[]}", first);
    assertEquals("{\"batchItemFailures\":[]}", resent);
    assertEquals(List.of("m-1", "m-10"), CALLS, "m-9 carried order o-1 again");
  }
}
