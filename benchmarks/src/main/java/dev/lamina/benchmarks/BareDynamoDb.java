package dev.lamina.benchmarks;

import java.io.ByteArrayInputStream;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB client the benchmark handlers build by hand, with the same "nothing to discover"
 * settings as Lamina's (region and endpoint from the environment, credentials from environment
 * variables, an empty profile file, standard defaults and retries), so comparisons with the
 * Lamina samples measure the framework, not client tuning.
 */
final class BareDynamoDb {
  private BareDynamoDb() {}

  /** A client with the given HTTP client, for the endpoint in {@code LAMINA_IDEMPOTENCY_ENDPOINT}. */
  static DynamoDbClient client(SdkHttpClient http) {
    return DynamoDbClient.builder()
        .httpClient(http)
        .region(Region.of(System.getenv("AWS_REGION")))
        .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
        .endpointOverride(URI.create(System.getenv("LAMINA_IDEMPOTENCY_ENDPOINT")))
        .defaultsMode(DefaultsMode.STANDARD)
        .endpointDiscoveryEnabled(false)
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .defaultProfileFile(
                    ProfileFile.builder()
                        .content(new ByteArrayInputStream(new byte[0]))
                        .type(ProfileFile.Type.CONFIGURATION)
                        .build())
                .defaultProfileName("default")
                .retryStrategy(RetryMode.STANDARD)
                .build())
        .build();
  }
}
