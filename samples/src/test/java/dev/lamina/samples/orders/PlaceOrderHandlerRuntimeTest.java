package dev.lamina.samples.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.idempotency.IdempotencyPayloadMismatchException;
import dev.lamina.idempotency.IdempotencyTable;
import dev.lamina.samples.RunLocally;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.dynamodb.DynamoDbLocal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The orders sample under the real runtime interface client, against DynamoDB Local: what a user's
 * own test of an idempotent function looks like.
 */
class PlaceOrderHandlerRuntimeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void clientRetry_getsTheFirstReceipt_andAReusedOrderIdIsRejected() throws Exception {
    try (DynamoDbLocal dynamo = DynamoDbLocal.builder().start()) {
      try (DynamoDbClient admin = DynamoDbClient.builder()
          .endpointOverride(dynamo.endpoint())
          .region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
          .httpClient(UrlConnectionHttpClient.builder().build())
          .build()) {
        IdempotencyTable.create(admin, "orders-idempotency");
      }
      try (LocalLambda lambda = LocalLambda.builder()
          .handler(PlaceOrderHandler.class.getName())
          .classPath(RunLocally.functionClassPath(Path.of(System.getProperty("basedir", "."))))
          .functionName("place-order")
          .environment(Map.of(
              "LAMINA_IDEMPOTENCY_TABLE", "orders-idempotency",
              "LAMINA_IDEMPOTENCY_ENDPOINT", dynamo.endpoint().toString(),
              "AWS_ACCESS_KEY_ID", "x",
              "AWS_SECRET_ACCESS_KEY", "y"))
          .start()) {
        InvocationResult placed = lambda.invoke("{\"orderId\":\"o-1\",\"sku\":\"tea\",\"quantity\":2}");
        InvocationResult retry = lambda.invoke("{\"orderId\":\"o-1\",\"sku\":\"tea\",\"quantity\":2}");
        InvocationResult reused = lambda.invoke("{\"orderId\":\"o-1\",\"sku\":\"tea\",\"quantity\":5}");

        assertFalse(placed.isError(), placed::toString);
        JsonNode receipt = JSON.readTree(placed.body());
        assertEquals(placed.requestId(), receipt.get("placedBy").asText());
        assertEquals(placed.body(), retry.body(), "the same confirmation, not a second order");
        assertEquals(IdempotencyPayloadMismatchException.class.getName(), reused.errorType());
      }
    }
  }
}
