package dev.lamina.test.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.test.LocalLambda;
import dev.lamina.test.TestHandlers;
import dev.lamina.test.dynamodb.DynamoDbLocal;
import dev.lamina.test.eventsource.Delivery;
import dev.lamina.test.eventsource.Delivery.Outcome;
import dev.lamina.test.handlers.BatchCommandHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The DynamoDB Streams mapping over a real table's stream in DynamoDB Local, read with the real
 * DynamoDbStreamsClient: changes made to the table reach the function in order, and a reported
 * record is retried from its sequence number.
 */
class DynamoDbLocalStreamTest {

  @Test
  void tableChanges_reachTheFunctionInOrder_andAReportedChangeIsRetriedFromItsSequenceNumber() {
    try (DynamoDbLocal dynamo = DynamoDbLocal.builder().start();
        DynamoDbClient client =
            DynamoDbClient.builder()
                .endpointOverride(dynamo.endpoint())
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("lamina", "y")))
                .build();
        LocalLambda lambda =
            LocalLambda.builder()
                .handler(TestHandlers.handler(BatchCommandHandler.class))
                .classPath(TestHandlers.classPath())
                .start()) {
      String streamArn =
          client
              .createTable(
                  t ->
                      t.tableName("orders")
                          .keySchema(
                              KeySchemaElement.builder()
                                  .attributeName("orderId")
                                  .keyType(KeyType.HASH)
                                  .build())
                          .attributeDefinitions(
                              AttributeDefinition.builder()
                                  .attributeName("orderId")
                                  .attributeType(ScalarAttributeType.S)
                                  .build())
                          .billingMode(BillingMode.PAY_PER_REQUEST)
                          .streamSpecification(
                              StreamSpecification.builder()
                                  .streamEnabled(true)
                                  .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                                  .build()))
              .tableDescription()
              .latestStreamArn();
      client.putItem(
          p ->
              p.tableName("orders")
                  .item(
                      Map.of(
                          "orderId",
                          AttributeValue.fromS("o-1"),
                          "cmd",
                          AttributeValue.fromS("ok"))));
      client.putItem(
          p ->
              p.tableName("orders")
                  .item(
                      Map.of(
                          "orderId",
                          AttributeValue.fromS("o-1"),
                          "cmd",
                          AttributeValue.fromS("fail-once"))));
      client.putItem(
          p ->
              p.tableName("orders")
                  .item(
                      Map.of(
                          "orderId",
                          AttributeValue.fromS("o-1"),
                          "cmd",
                          AttributeValue.fromS("ok"))));
      client.deleteItem(
          d -> d.tableName("orders").key(Map.of("orderId", AttributeValue.fromS("o-1"))));

      try (DynamoDbStreamEventSource source =
          DynamoDbStreamEventSource.builder()
              .dynamoDbLocal(dynamo, streamArn)
              .function(lambda)
              .start()) {
        source.awaitIdle(Duration.ofSeconds(30));

        List<Delivery> deliveries = source.deliveries();
        assertEquals(2, deliveries.size(), deliveries::toString);
        List<String> all = deliveries.get(0).recordIds();
        assertEquals(4, all.size());
        assertEquals(Outcome.PARTIAL_FAILURE, deliveries.get(0).outcome());
        assertEquals(List.of(all.get(1)), deliveries.get(0).reportedIds());
        assertEquals(all.subList(1, 4), deliveries.get(1).recordIds());
        assertEquals(List.of("INSERT", "MODIFY", "MODIFY", "REMOVE"), events(deliveries.get(0)));
        assertEquals(
            List.of(all.get(0), all.get(3)),
            source.checkpoints().stream()
                .map(Checkpoint::sequenceNumber)
                .collect(Collectors.toList()));
      }
    }
  }

  private static List<String> events(Delivery delivery) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(delivery.event()).get("Records").findValues("eventName").stream()
              .map(com.fasterxml.jackson.databind.JsonNode::asText)
              .collect(Collectors.toList());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
