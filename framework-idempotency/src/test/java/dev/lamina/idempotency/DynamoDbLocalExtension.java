package dev.lamina.idempotency;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the run-wide {@link LocalDynamo}, started on first use and closed when the test run ends
 * (it lives in the root context's store).
 */
public final class DynamoDbLocalExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DynamoDbLocalExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalDynamo.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent("dynamo", k -> new Resource(new LocalDynamo()), Resource.class)
        .dynamo;
  }

  /** Closes the server with the root context. */
  private static final class Resource implements AutoCloseable {
    final LocalDynamo dynamo;

    Resource(LocalDynamo dynamo) {
      this.dynamo = dynamo;
    }

    @Override
    public void close() {
      dynamo.close();
    }
  }
}
