package dev.lamina.idempotency;

import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * The idempotency table's definition, for tests, local runs and templates: partition key {@code id}
 * (string), on-demand billing, TTL on {@code expiration}. The same as in the SAM template in the
 * module's README. Stateless.
 *
 * <pre>{@code
 * IdempotencyTable.create(client, "idempotency");   // against DynamoDB Local
 * }</pre>
 */
public final class IdempotencyTable {
  private IdempotencyTable() {}

  /** The request that creates the table with the default (Powertools-compatible) layout. */
  public static CreateTableRequest definition(String table) {
    Objects.requireNonNull(table, "table");
    return CreateTableRequest.builder()
        .tableName(table)
        .attributeDefinitions(
            AttributeDefinition.builder()
                .attributeName("id")
                .attributeType(ScalarAttributeType.S)
                .build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .build();
  }

  /** The request that creates a table with the composite-key layout. */
  public static CreateTableRequest definitionWithSortKey(
      String table, String partitionKey, String sortKey) {
    return CreateTableRequest.builder()
        .tableName(Objects.requireNonNull(table, "table"))
        .attributeDefinitions(
            AttributeDefinition.builder()
                .attributeName(partitionKey)
                .attributeType(ScalarAttributeType.S)
                .build(),
            AttributeDefinition.builder()
                .attributeName(sortKey)
                .attributeType(ScalarAttributeType.S)
                .build())
        .keySchema(
            KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .build();
  }

  /**
   * Creates the table with {@link #definition(String)}, waits until it is active, and turns TTL on
   * for {@code expiration}. For tests and local runs; deploy real tables with a template.
   */
  public static void create(DynamoDbClient client, String table) {
    create(client, definition(table));
  }

  /** Creates a table from a definition, waits until it is active, and turns TTL on. */
  public static void create(DynamoDbClient client, CreateTableRequest definition) {
    client.createTable(definition);
    client.waiter().waitUntilTableExists(b -> b.tableName(definition.tableName()));
    client.updateTimeToLive(
        UpdateTimeToLiveRequest.builder()
            .tableName(definition.tableName())
            .timeToLiveSpecification(
                TimeToLiveSpecification.builder().attributeName("expiration").enabled(true).build())
            .build());
  }
}
