package dev.lamina.test.dynamodb;

import dev.lamina.test.FakeAwsEnvironment;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fresh tables on a DynamoDB Local server (or anything that speaks its protocol), an admin client
 * to create and read them, and clients for the code under test. Each test creates a table of its
 * own with the layout it needs, so tests sharing one server never see each other's items.
 *
 * <pre>{@code
 * String table = dynamo.create("orders", (client, name) -> client.createTable(b -> b
 *     .tableName(name)
 *     .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
 *     .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
 *     .billingMode(BillingMode.PAY_PER_REQUEST)));
 * }</pre>
 *
 * <p>Clients use {@link FakeAwsEnvironment}'s region and credentials and the url-connection HTTP
 * client. Needs {@code software.amazon.awssdk:dynamodb} and {@code url-connection-client} on the
 * test class path. Thread-safe; {@link #close()} closes the admin client, not the server.
 */
public final class DynamoDbLocalTables implements AutoCloseable {
  private static final AtomicInteger TABLES = new AtomicInteger();

  private final URI endpoint;
  private final DynamoDbClient admin;

  /**
   * Tables on the server at {@code endpoint}.
   *
   * @param endpoint the server, for example {@link DynamoDbLocal#endpoint()}; not {@code null}
   */
  public DynamoDbLocalTables(URI endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.admin = client(endpoint);
  }

  /**
   * A client for {@code endpoint} (the server, or a proxy in front of it), with the given SDK
   * interceptors; the caller closes it.
   */
  public static DynamoDbClient client(URI endpoint, ExecutionInterceptor... interceptors) {
    ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
    for (ExecutionInterceptor i : interceptors) {
      override.addExecutionInterceptor(i);
    }
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(FakeAwsEnvironment.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    FakeAwsEnvironment.ACCESS_KEY_ID, FakeAwsEnvironment.SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .overrideConfiguration(override.build())
        .build();
  }

  /** The server's endpoint. */
  public URI endpoint() {
    return endpoint;
  }

  /** The admin client: for creating tables and reading items in assertions. */
  public DynamoDbClient admin() {
    return admin;
  }

  /**
   * Creates a table no other caller of this class has used in this JVM.
   *
   * @param prefix the start of the name; a number follows it
   * @param layout creates the table with the given name through the given client, for example
   *     {@code IdempotencyTable::create}
   * @return the table's name
   */
  public String create(String prefix, BiConsumer<DynamoDbClient, String> layout) {
    String name = prefix + "-" + TABLES.incrementAndGet();
    layout.accept(admin, name);
    return name;
  }

  /** Every item of {@code table}, read with a consistent scan. */
  public List<Map<String, AttributeValue>> items(String table) {
    return admin.scan(b -> b.tableName(table).consistentRead(true)).items();
  }

  /** An attribute as text (a string or a number), or {@code null} if the item lacks it. */
  public static String text(Map<String, AttributeValue> item, String attribute) {
    AttributeValue v = item.get(attribute);
    return v == null ? null : v.s() != null ? v.s() : v.n();
  }

  /**
   * The one item of {@code items}.
   *
   * @throws AssertionError if there are none or several
   */
  public static Map<String, AttributeValue> only(List<Map<String, AttributeValue>> items) {
    if (items.size() != 1) {
      throw new AssertionError("expected one item, found " + items.size() + ": " + items);
    }
    return items.get(0);
  }

  @Override
  public void close() {
    admin.close();
  }
}
