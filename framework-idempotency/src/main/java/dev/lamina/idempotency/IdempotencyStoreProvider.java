package dev.lamina.idempotency;

import dev.lamina.core.InitContext;

/**
 * Creates the store for {@link Idempotent @Idempotent}, once per handler, during init. Needs a
 * public no-arg constructor. The default (when {@link Idempotent#store()} is left unset) is a
 * {@link DynamoDbIdempotencyStore} configured from environment variables.
 *
 * <pre>{@code
 * public class SharedTable implements IdempotencyStoreProvider {
 *   public IdempotencyStore create(InitContext context) {
 *     DynamoDbClient client = context.resources().add("dynamodb", DynamoDbClient::create).get();
 *     return DynamoDbIdempotencyStore.builder().client(client).table("shared").build();
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface IdempotencyStoreProvider {

  /**
   * Creates the store; register long-lived clients with {@link InitContext#resources()}.
   *
   * @param context the handler's init context; not {@code null}
   * @return the store; not {@code null}
   */
  IdempotencyStore create(InitContext context);
}
