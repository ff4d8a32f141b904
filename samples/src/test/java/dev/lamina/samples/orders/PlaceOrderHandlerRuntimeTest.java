package dev.lamina.samples.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.idempotency.IdempotencyPayloadMismatchException;
import dev.lamina.idempotency.IdempotencyTable;
import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.testkit.FeatureEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The orders sample under the real runtime interface client, against DynamoDB Local: what a user's
 * own test of an idempotent function looks like.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class PlaceOrderHandlerRuntimeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void clientRetry_getsTheFirstReceipt_andAReusedOrderIdIsRejected(DynamoDbLocalTables dynamo)
      throws Exception {
    String table = dynamo.create("orders-idempotency", IdempotencyTable::create);
    try (LocalLambda lambda =
        LocalLambda.builder()
            .handler(PlaceOrderHandler.class.getName())
            .classPath(FunctionClassPath.ofModule())
            .functionName("place-order")
            .environment(FeatureEnvironment.idempotency(table, dynamo.endpoint()))
            .start()) {
      InvocationResult placed =
          lambda.invoke("{\"orderId\":\"o-1\",\"sku\":\"tea\",\"quantity\":2}");
      InvocationResult retry =
          lambda.invoke("{\"orderId\":\"o-1\",\"sku\":\"tea\",\"quantity\":2}");
      InvocationResult reused =
          lambda.invoke("{\"orderId\":\"o-1\",\"sku\":\"tea\",\"quantity\":5}");

      assertFalse(placed.isError(), placed::toString);
      JsonNode receipt = JSON.readTree(placed.body());
      assertEquals(placed.requestId(), receipt.get("placedBy").asText());
      assertEquals(placed.body(), retry.body(), "the same confirmation, not a second order");
      assertEquals(IdempotencyPayloadMismatchException.class.getName(), reused.errorType());
    }
  }
}
