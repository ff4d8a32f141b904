package dev.lamina.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The orders sample's work written by hand, as a team would without a framework: a plain
 * {@link RequestHandler} (the runtime deserialises the input), one conditional {@code PutItem}
 * claiming the order id, one JSON log line, one {@code UpdateItem} storing the result. Its
 * DynamoDB client is built with the same "nothing to discover" settings as Lamina's, so the
 * comparison with the Lamina orders sample measures the framework, not client tuning.
 */
public final class HandWrittenOrdersHandler
    implements RequestHandler<Map<String, Object>, Map<String, String>> {
  private final String table = System.getenv("LAMINA_IDEMPOTENCY_TABLE");
  private final DynamoDbClient dynamo =
      BareDynamoDb.client(UrlConnectionHttpClient.builder().build());

  @Override
  public Map<String, String> handleRequest(Map<String, Object> order, Context context) {
    String id = "orders#" + order.get("orderId");
    long now = System.currentTimeMillis();
    dynamo.putItem(
        b ->
            b.tableName(table)
                .item(
                    Map.of(
                        "id", AttributeValue.fromS(id),
                        "status", AttributeValue.fromS("INPROGRESS"),
                        "expiration", AttributeValue.fromN(Long.toString(now / 1000 + 3600)),
                        "in_progress_expiration",
                            AttributeValue.fromN(
                                Long.toString(now + context.getRemainingTimeInMillis()))))
                .conditionExpression("attribute_not_exists(id) OR expiration < :now")
                .expressionAttributeValues(
                    Map.of(":now", AttributeValue.fromN(Long.toString(now / 1000)))));
    System.out.println(
        "{\"level\":\"INFO\",\"message\":\"Placing an order\","
            + "\"function_request_id\":\""
            + context.getAwsRequestId()
            + "\"}");
    Map<String, String> placed =
        Map.of(
            "orderId",
            String.valueOf(order.get("orderId")),
            "confirmation",
            UUID.randomUUID().toString(),
            "requestId",
            context.getAwsRequestId());
    dynamo.updateItem(
        b ->
            b.tableName(table)
                .key(Map.of("id", AttributeValue.fromS(id)))
                .updateExpression("SET #s = :done, #d = :data")
                .expressionAttributeNames(Map.of("#s", "status", "#d", "data"))
                .expressionAttributeValues(
                    Map.of(
                        ":done", AttributeValue.fromS("COMPLETED"),
                        ":data", AttributeValue.fromS(placed.toString()))));
    return placed;
  }
}
