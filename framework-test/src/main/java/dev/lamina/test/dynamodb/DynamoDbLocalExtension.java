package dev.lamina.test.dynamodb;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: one {@link DynamoDbLocal} for the whole test run, injected into constructors and
 * methods that ask for it, and with it a {@link DynamoDbLocalTables} on that server. The server
 * starts on first use (a few seconds) and stops when the run ends: it lives in the root context's
 * store, so every test class shares it. Give each test its own table
 * ({@link DynamoDbLocalTables#create}) rather than a server of its own.
 *
 * <pre>{@code
 * @ExtendWith(DynamoDbLocalExtension.class)
 * class OrdersTableTest {
 *     private final DynamoDbLocalTables dynamo;
 *
 *     OrdersTableTest(DynamoDbLocalTables dynamo) {
 *         this.dynamo = dynamo;
 *     }
 *
 *     @Test
 *     void stores(DynamoDbLocal server) { ... }
 * }
 * }</pre>
 *
 * <p>{@link DynamoDbLocalTables} needs {@code software.amazon.awssdk:dynamodb} and
 * {@code url-connection-client} on the test class path; {@link DynamoDbLocal} alone needs neither.
 */
public final class DynamoDbLocalExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DynamoDbLocalExtension.class);
  // By name: comparing class literals would load the SDK-based class for every parameter.
  private static final String TABLES = "dev.lamina.test.dynamodb.DynamoDbLocalTables";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DynamoDbLocal.class || type.getName().equals(TABLES);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    DynamoDbLocal server =
        store
            .getOrComputeIfAbsent(
                "server", k -> new Closing(DynamoDbLocal.builder().start()), Closing.class)
            .as(DynamoDbLocal.class);
    if (parameter.getParameter().getType() == DynamoDbLocal.class) {
      return server;
    }
    return store
        .getOrComputeIfAbsent(
            "tables", k -> new Closing(new DynamoDbLocalTables(server.endpoint())), Closing.class)
        .value();
  }

  /**
   * Closes its value with the root context. The values (the server, the tables helper) close
   * without throwing {@code InterruptedException}; declaring {@code Exception} is what JUnit's
   * store asks of an {@code AutoCloseable}.
   */
  @SuppressWarnings("try")
  private record Closing(AutoCloseable value) implements AutoCloseable {
    <T> T as(Class<T> type) {
      return type.cast(value);
    }

    @Override
    public void close() throws Exception {
      value.close();
    }
  }
}
