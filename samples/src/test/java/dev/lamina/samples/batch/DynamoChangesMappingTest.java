package dev.lamina.samples.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.dynamodb.DynamoDbLocal;
import dev.lamina.test.stream.DynamoDbStreamEventSource;
import dev.lamina.test.stream.OnFailureRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The DynamoDB Streams sample end to end: a real orders table in DynamoDB Local, its stream read
 * with the real DynamoDbStreamsClient by the test kit's mapping, the unchanged sample under the
 * real runtime client. An order inserted without a status cannot be routed and fails every time.
 */
class DynamoChangesMappingTest {

  private static Map<String, AttributeValue> item(String id, String status) {
    return status == null
        ? Map.of("orderId", AttributeValue.fromS(id), "quantity", AttributeValue.fromN("2"))
        : Map.of(
            "orderId",
            AttributeValue.fromS(id),
            "status",
            AttributeValue.fromS(status),
            "quantity",
            AttributeValue.fromN("2"));
  }

  @Test
  void tableChanges_areActedOnInOrder_andAnUnroutableInsertIsSkippedAfterItsRetries()
      throws Exception {
    try (DynamoDbLocal dynamo = DynamoDbLocal.builder().start();
        DynamoDbClient client =
            DynamoDbClient.builder()
                .endpointOverride(dynamo.endpoint())
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("lamina", "local")))
                .build();
        LocalLambda lambda = SampleUnderMapping.start(DynamoChangesHandler.class, "changes")) {
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
      client.putItem(p -> p.tableName("orders").item(item("o-1", "PLACED")));
      client.putItem(p -> p.tableName("orders").item(item("o-1", "SHIPPED")));
      client.putItem(p -> p.tableName("orders").item(item("o-2", null)));
      client.deleteItem(
          d -> d.tableName("orders").key(Map.of("orderId", AttributeValue.fromS("o-1"))));

      try (DynamoDbStreamEventSource changes =
          DynamoDbStreamEventSource.builder()
              .dynamoDbLocal(dynamo, streamArn)
              .function(lambda)
              .bisectBatchOnFunctionError(true)
              .maximumRetryAttempts(1)
              .start()) {
        changes.awaitIdle(Duration.ofSeconds(30));

        List<String> seq = changes.deliveries().get(0).recordIds();
        assertEquals(4, seq.size(), changes.deliveries()::toString);
        List<String> acted = List.of(seq.get(0), seq.get(1), seq.get(3));
        List<JsonNode> lines =
            SampleUnderMapping.lines(lambda, "Order created", List.of(seq.get(0)));
        assertEquals(1, lines.size());
        assertEquals(
            1, SampleUnderMapping.lines(lambda, "Order updated", List.of(seq.get(1))).size());
        assertEquals(
            1, SampleUnderMapping.lines(lambda, "Order removed", List.of(seq.get(3))).size());
        List<String> order =
            lambda.stdoutLines().stream()
                .filter(
                    l ->
                        acted.stream()
                            .anyMatch(
                                s ->
                                    l.contains("\"record_id\":\"" + s + "\"")
                                        && l.contains("\"Order ")))
                .map(l -> acted.stream().filter(s -> l.contains(s)).findFirst().orElseThrow())
                .toList();
        assertEquals(acted, order, "created, updated, removed: in the table's order");
        OnFailureRecord skipped = changes.onFailureRecords().get(0);
        assertEquals(List.of(seq.get(2)), skipped.recordIds(), changes.deliveries()::toString);
        assertEquals(1, changes.onFailureRecords().size());
        assertEquals(
            Optional.of(seq.get(3)), changes.checkpoint(changes.checkpoints().get(0).shardId()));
      }
    }
  }
}
