package dev.lamina.config;

import dev.lamina.config.internal.SsmClients;
import dev.lamina.config.internal.SsmParameterSource;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * SSM Parameter Store as a {@link ParameterSource}: paths with one paged, recursive
 * {@code GetParametersByPath} each, named parameters with {@code GetParameters} in batches of at
 * most 10 (skipping names already under a fetched path), always {@code WithDecryption}.
 *
 * <p>This is the only public type that touches the AWS SDK; configuration types without SSM
 * fields never load it.
 *
 * <pre>{@code
 * ConfigLoader loader = ConfigLoader.builder().parameterSource(SsmParameters.using(ssm)).build();
 * }</pre>
 */
public final class SsmParameters {
  /**
   * An environment variable that points the SSM client at another endpoint, such as a local
   * Parameter Store ({@code http://127.0.0.1:4583}). For tests and local runs; never set it on
   * Lambda.
   */
  public static final String ENDPOINT_VARIABLE = SsmClients.ENDPOINT_VARIABLE;

  private SsmParameters() {}

  /**
   * A source over a client you own; Lamina never closes it. Throttled and transient failures are
   * retried with jittered backoff within {@link ConfigLoader#DEFAULT_INIT_BUDGET} per load, on top
   * of whatever retries the client itself makes.
   *
   * @param client the client; not {@code null}
   * @return a thread-safe source
   */
  public static ParameterSource using(SsmClient client) {
    return new SsmParameterSource(Objects.requireNonNull(client, "client"), false);
  }

  /**
   * A source over a new client built with nothing left to discover: the region from
   * {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}); credentials from
   * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN} in
   * {@code environment}, else the container credentials endpoint (SnapStart), else the SDK's
   * default chain; the url-connection HTTP client with a 0.5 s connect and a 1 s read timeout;
   * standard defaults mode; the SDK's retries off, since the source itself retries throttled and
   * transient failures with jittered backoff within {@link ConfigLoader#DEFAULT_INIT_BUDGET}; no
   * profile files. {@link ENDPOINT_VARIABLE} overrides the endpoint. The source is {@link
   * AutoCloseable} and closing it closes the client.
   *
   * @param environment the environment variables; not {@code null}
   * @return a thread-safe source that owns its client
   * @throws ConfigurationException if no region is set, or the endpoint variable is not a URI
   */
  public static ParameterSource fromEnvironment(Map<String, String> environment) {
    return new SsmParameterSource(SsmClients.fromEnvironment(environment), true);
  }

  /**
   * The client {@link #fromEnvironment(Map)} would build, for code that needs SSM for more than
   * configuration. The caller owns and closes it.
   *
   * @param environment the environment variables; not {@code null}
   * @return a new client
   * @throws ConfigurationException if no region is set, or the endpoint variable is not a URI
   */
  public static SsmClient clientFromEnvironment(Map<String, String> environment) {
    return SsmClients.fromEnvironment(environment);
  }
}
