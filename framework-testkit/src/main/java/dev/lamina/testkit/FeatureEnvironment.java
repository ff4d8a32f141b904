package dev.lamina.testkit;

import dev.lamina.test.FakeAwsEnvironment;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Environment variables that point Lamina's features at local servers, on top of
 * {@link FakeAwsEnvironment}: what a handler's {@code HandlerEnvironment} (or a
 * {@code LocalLambda}) needs for {@code @Idempotent} to reach a DynamoDB Local table, or for the
 * config feature to read a local Parameter Store. The maps are new and the caller may add to them.
 *
 * <pre>{@code
 * String table = dynamo.create("idempotency", IdempotencyTable::create);
 * Orders handler = new Orders(HandlerEnvironment.builder()
 *     .variables(FeatureEnvironment.idempotency(table, dynamo.endpoint())).build());
 * }</pre>
 *
 * <p>The names are Lamina's documented variables, written here as text so that the kit does not
 * depend on framework-idempotency or framework-config (whose own tests use it).
 */
public final class FeatureEnvironment {

  /** The idempotency table's name. */
  public static final String IDEMPOTENCY_TABLE = "LAMINA_IDEMPOTENCY_TABLE";

  /** The DynamoDB endpoint of the idempotency store, for local runs only. */
  public static final String IDEMPOTENCY_ENDPOINT = "LAMINA_IDEMPOTENCY_ENDPOINT";

  /** The SSM endpoint of the config feature, for local runs only. */
  public static final String SSM_ENDPOINT = "LAMINA_SSM_ENDPOINT";

  private FeatureEnvironment() {}

  /**
   * The fake AWS variables, and the idempotency table on {@code dynamoDb}.
   *
   * @param table the table, created with the idempotency layout; not {@code null}
   * @param dynamoDb the endpoint, for example DynamoDB Local's; not {@code null}
   */
  public static Map<String, String> idempotency(String table, URI dynamoDb) {
    Map<String, String> env = FakeAwsEnvironment.variables();
    env.put(IDEMPOTENCY_TABLE, Objects.requireNonNull(table, "table"));
    env.put(IDEMPOTENCY_ENDPOINT, dynamoDb.toString());
    return env;
  }

  /**
   * The fake AWS variables, and {@code ssm} as the Parameter Store the config feature reads.
   *
   * @param ssm the endpoint, for example {@code LocalParameterStore.endpoint()}; not {@code null}
   */
  public static Map<String, String> parameterStore(URI ssm) {
    Map<String, String> env = FakeAwsEnvironment.variables();
    env.put(SSM_ENDPOINT, ssm.toString());
    return env;
  }
}
