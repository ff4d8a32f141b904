package dev.lamina.core.internal.aws;

import dev.lamina.core.Resource;
import dev.lamina.core.Resources;
import dev.lamina.core.internal.EnvironmentReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/**
 * The one recipe for the AWS SDK clients Lamina builds (SSM for configuration, DynamoDB for
 * idempotency): a client with nothing left for the SDK to discover at cold start, and one policy
 * for where its settings come from.
 *
 * <ul>
 *   <li>Region: {@code AWS_REGION} (Lambda sets it), then {@code AWS_DEFAULT_REGION}.
 *   <li>Credentials: the container credentials endpoint first ({@code
 *       AWS_CONTAINER_CREDENTIALS_FULL_URI} or {@code _RELATIVE_URI}: what SnapStart functions
 *       get, refreshing, so a snapshot restored days later does not carry stale keys), then the
 *       keys in {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} / {@code
 *       AWS_SESSION_TOKEN}; neither is a problem, not a search of profile files.
 *   <li>Blank means unset, for every variable.
 *   <li>An endpoint override, for local runs, must be an absolute URI.
 *   <li>The client: the url-connection HTTP client built explicitly, standard defaults mode and
 *       retries, FIPS and dual-stack off, an empty profile file: each skipped lookup is cold-start
 *       time saved. Created as an init-once resource it is re-created after a SnapStart restore,
 *       so no connection or credential survives from the snapshot.
 * </ul>
 *
 * <p>Immutable and thread-safe; {@link #endpoint()} is {@code null} when no override is set.
 *
 * <p>This class compiles against the SDK, which framework-core declares optional: it is loaded
 * only by the modules that build clients, and they depend on the SDK themselves.
 *
 * @param region the region
 * @param credentials the credentials provider
 * @param endpoint the endpoint override, or {@code null}
 */
public record AwsClientSettings(Region region, AwsCredentialsProvider credentials, URI endpoint) {

  /**
   * Reads the settings, adding every missing or bad variable to the reader's problems.
   *
   * @param env the environment reader; collects the problems
   * @param service what the client is for, for the problems ("SSM Parameter Store")
   * @param endpointVariable the variable that overrides the endpoint for local runs
   * @param endpointExample an example endpoint for the problem ("http://127.0.0.1:8000")
   * @return the settings, or {@code null} if a problem was found
   */
  public static AwsClientSettings read(
      EnvironmentReader env, String service, String endpointVariable, String endpointExample) {
    int before = env.problems().size();
    String region = env.firstOf("AWS_REGION", "AWS_DEFAULT_REGION");
    if (region == null) {
      env.problem(
          "No AWS region for "
              + service
              + ": set [AWS_REGION] (Lambda sets it; set it"
              + " for local runs)");
    }
    AwsCredentialsProvider credentials = credentials(env);
    if (credentials == null) {
      env.problem(
          "No AWS credentials for "
              + service
              + ": set [AWS_ACCESS_KEY_ID] and"
              + " [AWS_SECRET_ACCESS_KEY] (Lambda sets them), or [AWS_CONTAINER_CREDENTIALS_FULL_URI]");
    }
    URI endpoint = env.absoluteUri(endpointVariable, endpointExample);
    if (env.problems().size() > before) {
      return null;
    }
    return new AwsClientSettings(Region.of(region), credentials, endpoint);
  }

  private static AwsCredentialsProvider credentials(EnvironmentReader env) {
    if (env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null
        || env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") != null) {
      return ContainerCredentialsProvider.builder().build();
    }
    String keyId = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (keyId == null || secret == null) {
      return null;
    }
    String token = env.get("AWS_SESSION_TOKEN");
    return StaticCredentialsProvider.create(
        token == null
            ? AwsBasicCredentials.create(keyId, secret)
            : AwsSessionCredentials.create(keyId, secret, token));
  }

  /**
   * Configures a client builder with these settings and the recipe, and builds the client.
   *
   * @param builder a service client builder, with any service-specific settings already made
   * @param <B> the builder type
   * @param <C> the client type
   * @return the client
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
    return build(builder, o -> {}, h -> {});
  }

  /**
   * As {@link #build(AwsClientBuilder)}, then changes the recipe's override configuration and
   * HTTP client: for a caller that retries on its own, turns the SDK's retries off and bounds each
   * attempt with the HTTP client's timeouts.
   *
   * @param builder a service client builder, with any service-specific settings already made
   * @param overrides applied after the recipe's settings (retry mode, no profile files)
   * @param http applied to the url-connection HTTP client's builder before it is built
   * @param <B> the builder type
   * @param <C> the client type
   * @return the client
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
      B builder,
      Consumer<ClientOverrideConfiguration.Builder> overrides,
      Consumer<UrlConnectionHttpClient.Builder> http) {
    UrlConnectionHttpClient.Builder httpClient = UrlConnectionHttpClient.builder();
    http.accept(httpClient);
    ProfileFile noProfiles =
        ProfileFile.builder()
            .content(new ByteArrayInputStream(new byte[0]))
            .type(ProfileFile.Type.CONFIGURATION)
            .build();
    builder
        .httpClient(httpClient.build())
        .region(region)
        .credentialsProvider(credentials)
        .defaultsMode(DefaultsMode.STANDARD)
        .dualstackEnabled(false)
        .fipsEnabled(false)
        .overrideConfiguration(
            o ->
                o.retryStrategy(RetryMode.STANDARD)
                    .defaultProfileFile(noProfiles)
                    .defaultProfileName("default")
                    .applyMutation(overrides));
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  /**
   * Registers a client as an init-once resource: created now, primed before a SnapStart
   * checkpoint, re-created (the old one closed) after a restore.
   *
   * @param resources the handler's resources
   * @param name the resource's name, for logs
   * @param factory creates the client, typically {@code () -> settings.build(Service.builder())}
   * @param primer one cheap request that warms the request path, or {@code null}
   * @param <C> the client type
   * @return the resource; read the client with {@link Resource#get()} on each use
   */
  public static <C> Resource<C> define(
      Resources resources, String name, Supplier<C> factory, Consumer<C> primer) {
    Resources.Definition<C> definition = resources.define(name, factory).recreateAfterRestore();
    if (primer != null) {
      definition.primeWith(primer);
    }
    return definition.create();
  }
}
