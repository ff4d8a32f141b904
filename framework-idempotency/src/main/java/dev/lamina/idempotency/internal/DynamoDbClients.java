package dev.lamina.idempotency.internal;

import dev.lamina.core.Resource;
import dev.lamina.core.Resources;
import dev.lamina.core.internal.EnvironmentReader;
import dev.lamina.core.internal.aws.AwsClientSettings;
import dev.lamina.idempotency.DynamoDbIdempotencyStore;
import dev.lamina.idempotency.IdempotencyException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB store's settings from environment variables, and its client built with the one
 * recipe of {@link AwsClientSettings} (plus endpoint discovery off, which only DynamoDB has).
 */
public final class DynamoDbClients {
  /** The table name. */
  public static final String TABLE = "LAMINA_IDEMPOTENCY_TABLE";

  /** An endpoint override, for local runs (DynamoDB Local) only. */
  public static final String ENDPOINT = "LAMINA_IDEMPOTENCY_ENDPOINT";

  private DynamoDbClients() {}

  /**
   * Reads the settings, adding every missing or bad variable to the reader's problems; the table
   * given in code wins over the variable.
   *
   * @return the settings, or {@code null} if a problem was found
   */
  public static Settings read(EnvironmentReader env, String tableInCode) {
    int before = env.problems().size();
    String table =
        tableInCode != null && !tableInCode.isBlank() ? tableInCode.trim() : env.get(TABLE);
    if (table == null) {
      env.problem(
          "No idempotency table configured: set [" + TABLE + "] or @Idempotent(table = ..)");
    }
    AwsClientSettings client =
        AwsClientSettings.read(env, "the idempotency store", ENDPOINT, "http://127.0.0.1:8000");
    return env.problems().size() > before ? null : new Settings(table, client);
  }

  /**
   * The settings from the environment.
   *
   * @throws IdempotencyException listing every missing or bad variable
   */
  public static Settings settings(Map<String, String> env, String tableInCode) {
    EnvironmentReader reader = new EnvironmentReader(env);
    Settings settings = read(reader, tableInCode);
    if (reader.hasProblems()) {
      throw new IdempotencyException(reader.describeProblems("Idempotency store cannot be set up"));
    }
    return settings;
  }

  /**
   * Warms the request path before a SnapStart checkpoint with one read of an id no record has:
   * it needs only the {@code dynamodb:GetItem} permission the store needs anyway.
   */
  public static void prime(DynamoDbClient client, String table) {
    client.getItem(
        b ->
            b.tableName(table)
                .consistentRead(true)
                .key(Map.of("id", AttributeValue.builder().s("lamina#prime").build())));
  }

  /**
   * Validated settings for the store. Immutable.
   *
   * @param table the table name
   * @param client the client settings
   */
  public record Settings(String table, AwsClientSettings client) {

    /** A new client; call it once per execution environment (and after a restore). */
    public DynamoDbClient newClient() {
      return client.build(DynamoDbClient.builder().endpointDiscoveryEnabled(false));
    }

    /** A store with a client of its own, which the caller owns. */
    public DynamoDbIdempotencyStore newStore() {
      return DynamoDbIdempotencyStore.builder().client(newClient()).table(table).build();
    }

    /**
     * A store whose client is an init-once resource: primed with one {@code GetItem} before a
     * checkpoint, re-created after a restore.
     */
    public DynamoDbIdempotencyStore newStore(Resources resources) {
      Resource<DynamoDbClient> resource =
          AwsClientSettings.define(
              resources, "idempotency-dynamodb", this::newClient, c -> prime(c, table));
      return DynamoDbIdempotencyStore.builder().client(resource).table(table).build();
    }
  }
}
