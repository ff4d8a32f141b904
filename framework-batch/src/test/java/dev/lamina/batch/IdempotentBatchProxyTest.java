package dev.lamina.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.idempotency.IdempotencyTable;
import dev.lamina.test.FakeContext;
import dev.lamina.test.dynamodb.DynamoDbLocal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** LAMINA_BATCH_IDEMPOTENT: per-record idempotency on DynamoDB (Local), set up from variables. */
class IdempotentBatchProxyTest {
  static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());
  private static final String REGION = "us-east-1";

  private static DynamoDbLocal dynamo;
  private static DynamoDbClient admin;
  private static int tables;

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

  @BeforeAll
  static void startDynamo() {
    dynamo = DynamoDbLocal.builder().start();
    admin = DynamoDbClient.builder()
        .endpointOverride(dynamo.endpoint())
        .region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .build();
  }

  @AfterAll
  static void stopDynamo() {
    if (admin != null) {
      admin.close();
    }
    if (dynamo != null) {
      dynamo.close();
    }
  }

  @BeforeEach
  void clearCalls() {
    CALLS.clear();
  }

  private static Map<String, String> environment() {
    String table = "batch-proxy-" + ++tables;
    IdempotencyTable.create(admin, table);
    Map<String, String> env = new HashMap<>();
    env.put("LAMINA_BATCH_HANDLER", ShipOrders.class.getName());
    env.put("LAMINA_BATCH_IDEMPOTENT", "true");
    env.put("LAMINA_IDEMPOTENCY_TABLE", table);
    env.put("LAMINA_IDEMPOTENCY_ENDPOINT", dynamo.endpoint().toString());
    env.put("AWS_REGION", REGION);
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    return env;
  }

  private static String invoke(BatchProxyHandler proxy, String event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    proxy.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
        FakeContext.create());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void redeliveredMessage_reachesTheOriginalHandlerOnce_whileAFailedOneIsRetried()
      throws IOException {
    BatchProxyHandler proxy = new BatchProxyHandler(HandlerEnvironment.builder()
        .variables(environment()).build());
    String batch = BatchProxyHandlerTest.sqsEvent(Batches.STANDARD_QUEUE,
        "m-1", "ship", "m-2", "fail", "m-3", "ship");

    String first = invoke(proxy, batch);
    // A visibility timeout ran out before m-3 was deleted: SQS delivers all three again.
    String redelivery = invoke(proxy, batch);

    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}", first);
    assertEquals(first, redelivery);
    assertEquals(List.of("m-1", "m-2", "m-3", "m-2"), CALLS,
        "only the failed message ran again; a failure is not remembered");
  }

  @Test
  void keyFromThePayload_makesADuplicateSentUnderANewMessageId_runOnce() throws IOException {
    Map<String, String> env = environment();
    env.put("LAMINA_IDEMPOTENCY_KEY", "/orderId");
    env.put("LAMINA_IDEMPOTENCY_EXPIRY_SECONDS", "600");
    BatchProxyHandler proxy = new BatchProxyHandler(HandlerEnvironment.builder()
        .variables(env).build());

    String first = invoke(proxy, BatchProxyHandlerTest.sqsEvent(Batches.STANDARD_QUEUE,
        "m-1", "{\\\"orderId\\\":\\\"o-1\\\"}"));
    String resent = invoke(proxy, BatchProxyHandlerTest.sqsEvent(Batches.STANDARD_QUEUE,
        "m-9", "{\\\"orderId\\\":\\\"o-1\\\"}", "m-10", "{\\\"orderId\\\":\\\"o-2\\\"}"));

    assertEquals("{\"batchItemFailures\":[]}", first);
    assertEquals("{\"batchItemFailures\":[]}", resent);
    assertEquals(List.of("m-1", "m-10"), CALLS, "m-9 carried order o-1 again");
  }
}
