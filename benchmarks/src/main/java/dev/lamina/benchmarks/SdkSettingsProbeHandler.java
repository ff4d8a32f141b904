package dev.lamina.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.endpoints.EndpointUrl;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointParams;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One DynamoDB {@code GetItem} at cold start from a client built with exactly the settings named
 * in {@code PROBE_SETTINGS} (comma-separated), on top of the endpoint override and the
 * url-connection HTTP client every row has: what each client setting is worth.
 *
 * <ul>
 *   <li>{@code region}: the region given, instead of the SDK's region provider chain
 *   <li>{@code credentials}: {@code EnvironmentVariableCredentialsProvider}, instead of the
 *       default chain
 *   <li>{@code profiles}: an empty profile file, instead of looking for {@code ~/.aws/config}
 *   <li>{@code defaults-mode}: {@code DefaultsMode.STANDARD}, instead of resolving it
 *   <li>{@code retry-mode}: {@code RetryMode.STANDARD}, instead of resolving it
 *   <li>{@code no-discovery}: endpoint discovery off
 *   <li>{@code no-fips-dualstack}: FIPS and dual-stack off, instead of resolving them
 *   <li>{@code endpoint-provider}: an endpoint provider that answers the override at once,
 *       instead of evaluating DynamoDB's endpoint rules (not in Lamina's recipe)
 * </ul>
 */
public final class SdkSettingsProbeHandler implements RequestStreamHandler {
  /** Every setting, in the order of Lamina's recipe ({@code AwsClientSettings}). */
  static final List<String> RECIPE =
      List.of(
          "region",
          "credentials",
          "profiles",
          "defaults-mode",
          "retry-mode",
          "no-discovery",
          "no-fips-dualstack");

  private final String table = System.getenv("LAMINA_IDEMPOTENCY_TABLE");
  private final DynamoDbClient dynamo = client(System.getenv("PROBE_SETTINGS"));

  private static DynamoDbClient client(String settings) {
    List<String> on =
        settings == null || settings.isBlank() ? List.of() : List.of(settings.split(","));
    URI endpoint = URI.create(System.getenv("LAMINA_IDEMPOTENCY_ENDPOINT"));
    DynamoDbClientBuilder b =
        DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.builder().build())
            .endpointOverride(endpoint);
    ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder();
    for (String s : on) {
      switch (s) {
        case "region" -> b.region(Region.of(System.getenv("AWS_REGION")));
        case "credentials" ->
            b.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        case "profiles" ->
            overrides
                .defaultProfileFile(
                    ProfileFile.builder()
                        .content(new ByteArrayInputStream(new byte[0]))
                        .type(ProfileFile.Type.CONFIGURATION)
                        .build())
                .defaultProfileName("default");
        case "defaults-mode" -> b.defaultsMode(DefaultsMode.STANDARD);
        case "retry-mode" -> overrides.retryStrategy(RetryMode.STANDARD);
        case "no-discovery" -> b.endpointDiscoveryEnabled(false);
        case "no-fips-dualstack" -> b.fipsEnabled(false).dualstackEnabled(false);
        case "endpoint-provider" -> b.endpointProvider(new FixedEndpoint(endpoint));
        default -> throw new IllegalArgumentException("[PROBE_SETTINGS] " + s + " is not known");
      }
    }
    return b.overrideConfiguration(overrides.build()).build();
  }

  /** Answers the one endpoint without evaluating the service's rules. */
  private static final class FixedEndpoint implements DynamoDbEndpointProvider {
    private final CompletableFuture<Endpoint> endpoint;

    FixedEndpoint(URI uri) {
      this.endpoint =
          CompletableFuture.completedFuture(
              Endpoint.builder().endpointUrl(EndpointUrl.fromUri(uri)).build());
    }

    @Override
    public CompletableFuture<Endpoint> resolveEndpoint(DynamoDbEndpointParams params) {
      return endpoint;
    }
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    dynamo.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("probe"))));
    output.write("{}".getBytes(StandardCharsets.UTF_8));
  }
}
