package dev.lamina.config.internal;

import dev.lamina.config.ConfigurationException;
import dev.lamina.core.Resource;
import dev.lamina.core.Resources;
import dev.lamina.core.internal.EnvironmentReader;
import dev.lamina.core.internal.aws.AwsClientSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The SSM client for configuration, built with the one recipe of {@link AwsClientSettings}: its
 * region, credentials and endpoint rules, and a client with nothing left to discover. Two changes
 * to the recipe: the SDK's retries are off, since {@link SsmParameterSource} retries throttling
 * itself within the init budget (two nested retry loops would multiply the calls and overrun the
 * budget), and each attempt is bounded by {@link #CONNECT_TIMEOUT} and {@link #READ_TIMEOUT}.
 */
public final class SsmClients {
  /** See {@code SsmParameters.ENDPOINT_VARIABLE}. */
  public static final String ENDPOINT_VARIABLE = "LAMINA_SSM_ENDPOINT";

  /** How long a connection to SSM may take to open: 0.5 s. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

  /** How long a read from SSM may wait: 1 s (SSM answers in tens of milliseconds). */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

  private SsmClients() {}

  private static SsmClient build(AwsClientSettings settings) {
    return settings.build(
        SsmClient.builder(),
        o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()),
        h -> h.connectionTimeout(CONNECT_TIMEOUT).socketTimeout(READ_TIMEOUT));
  }

  /**
   * The client settings from environment variables.
   *
   * @throws ConfigurationException naming every missing or bad variable
   */
  public static AwsClientSettings settings(Map<String, String> env) {
    EnvironmentReader reader = new EnvironmentReader(Objects.requireNonNull(env, "environment"));
    AwsClientSettings settings =
        AwsClientSettings.read(
            reader, "SSM Parameter Store", ENDPOINT_VARIABLE, "http://127.0.0.1:4583");
    if (reader.hasProblems()) {
      throw new ConfigurationException(
          reader.describeProblems("SSM client cannot be set up")
              + " (or give ConfigLoader a source with SsmParameters.using(client))",
          null);
    }
    return settings;
  }

  /** A new client from environment variables; the caller owns it. */
  public static SsmClient fromEnvironment(Map<String, String> env) {
    return build(settings(env));
  }

  /**
   * A client from environment variables as an init-once resource of the handler: re-created
   * after a SnapStart restore, so no connection or credential survives from the snapshot.
   */
  public static Resource<SsmClient> fromEnvironment(Resources resources, Map<String, String> env) {
    AwsClientSettings settings = settings(env);
    return AwsClientSettings.define(resources, "config-ssm", () -> build(settings), null);
  }
}
