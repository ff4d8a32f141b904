package dev.lamina.idempotency;

import dev.lamina.test.dynamodb.DynamoDbLocal;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One DynamoDB Local server for the whole test run (started by {@link DynamoDbLocalExtension}),
 * with helpers for clients, fresh tables and handler environments. Shared with other modules'
 * tests through this module's test jar.
 */
public final class LocalDynamo implements AutoCloseable {
  public static final String REGION = "us-east-1";
  private static final AtomicInteger TABLES = new AtomicInteger();

  private final DynamoDbLocal server;
  private final DynamoDbClient admin;

  public LocalDynamo() {
    this.server = DynamoDbLocal.builder().start();
    this.admin = client(server.endpoint());
  }

  public URI endpoint() {
    return server.endpoint();
  }

  /** A client for the server (or a proxy in front of it), with the given interceptors. */
  public static DynamoDbClient client(URI endpoint, ExecutionInterceptor... interceptors) {
    ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
    for (ExecutionInterceptor i : interceptors) {
      override.addExecutionInterceptor(i);
    }
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(override.build())
        .build();
  }

  /** A new, empty table with the default layout. */
  public String newTable() {
    String name = "idempotency-" + TABLES.incrementAndGet();
    IdempotencyTable.create(admin, name);
    return name;
  }

  /** The environment a function would have, pointing at {@code endpoint}. */
  public static Map<String, String> environment(String table, URI endpoint) {
    Map<String, String> env = new HashMap<>();
    env.put("LAMINA_IDEMPOTENCY_TABLE", table);
    env.put("LAMINA_IDEMPOTENCY_ENDPOINT", endpoint.toString());
    env.put("AWS_REGION", REGION);
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    return env;
  }

  /** Every item of a table (a consistent scan), for assertions on records. */
  public java.util.List<Map<String, AttributeValue>> items(String table) {
    return admin.scan(b -> b.tableName(table).consistentRead(true)).items();
  }

  public DynamoDbClient admin() {
    return admin;
  }

  @Override
  public void close() {
    admin.close();
    server.close();
  }

  /** An attribute as text (string or number), or null if absent. */
  public static String s(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s() != null ? v.s() : v.n();
  }

  public static Map<String, AttributeValue> only(java.util.List<Map<String, AttributeValue>> items) {
    if (items.size() != 1) {
      throw new AssertionError("expected one record, found " + items.size());
    }
    return items.get(0);
  }
}
