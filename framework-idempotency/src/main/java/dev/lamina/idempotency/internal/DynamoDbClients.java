package dev.lamina.idempotency.internal;

import dev.lamina.idempotency.DynamoDbIdempotencyStore;
import dev.lamina.idempotency.IdempotencyException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds the DynamoDB client from environment variables with nothing left for the SDK to discover
 * (PERFORMANCE-NOTES.md): region and credentials given explicitly, the url-connection HTTP client
 * built explicitly, defaults mode and retry mode fixed, an empty profile file, endpoint discovery,
 * FIPS, dual-stack and account-id endpoints off.
 */
public final class DynamoDbClients {
  /** The table name. */
  public static final String TABLE = "LAMINA_IDEMPOTENCY_TABLE";
  /** An endpoint override, for local runs (DynamoDB Local) only. */
  public static final String ENDPOINT = "LAMINA_IDEMPOTENCY_ENDPOINT";

  private DynamoDbClients() {}

  /**
   * The settings from the environment, the table given in code winning over the variable.
   *
   * @throws IdempotencyException listing every missing or bad variable
   */
  public static Settings settings(Map<String, String> env, String tableInCode) {
    List<String> problems = new ArrayList<>();
    String table = tableInCode != null && !tableInCode.isBlank() ? tableInCode : env.get(TABLE);
    if (table == null || table.isBlank()) {
      problems.add("No idempotency table configured: set [" + TABLE
          + "] or @Idempotent(table = ..)");
    }
    String region = env.get("AWS_REGION");
    if (region == null || region.isBlank()) {
      problems.add("[AWS_REGION] is not set (Lambda always sets it; set it for local runs)");
    }
    AwsCredentialsProvider credentials = credentials(env, problems);
    URI endpoint = null;
    String override = env.get(ENDPOINT);
    if (override != null && !override.isBlank()) {
      try {
        endpoint = new URI(override.trim());
        if (endpoint.getScheme() == null || endpoint.getHost() == null) {
          problems.add("[" + ENDPOINT + "] must be an absolute URI such as http://127.0.0.1:8000");
        }
      } catch (URISyntaxException e) {
        problems.add("[" + ENDPOINT + "] is not a URI");
      }
    }
    if (!problems.isEmpty()) {
      throw new IdempotencyException("Idempotency store cannot be set up: "
          + String.join("; ", problems));
    }
    return new Settings(table, Region.of(region.trim()), credentials, endpoint);
  }

  /** The store from the environment, with a client of its own. */
  public static DynamoDbIdempotencyStore storeFromEnvironment(Map<String, String> env,
      String tableInCode) {
    Settings settings = settings(env, tableInCode);
    return DynamoDbIdempotencyStore.builder().client(settings.newClient())
        .table(settings.table()).build();
  }

  /**
   * Warms the request path before a SnapStart checkpoint with one read of an id no record has:
   * it needs only the {@code dynamodb:GetItem} permission the store needs anyway.
   */
  public static void prime(DynamoDbClient client, String table) {
    client.getItem(b -> b.tableName(table).consistentRead(true)
        .key(Map.of("id", AttributeValue.builder().s("lamina#prime").build())));
  }

  /**
   * Validated settings for the client. Immutable.
   *
   * @param table the table name
   * @param region the region
   * @param credentials the credentials provider
   * @param endpoint the endpoint override, or {@code null}
   */
  public record Settings(String table, Region region, AwsCredentialsProvider credentials,
      URI endpoint) {

    /** A new client; call it once per execution environment (and after a restore). */
    public DynamoDbClient newClient() {
      DynamoDbClientBuilder builder = DynamoDbClient.builder()
          .httpClient(UrlConnectionHttpClient.builder().build())
          .region(region)
          .credentialsProvider(credentials)
          .defaultsMode(DefaultsMode.STANDARD)
          .endpointDiscoveryEnabled(false)
          .fipsEnabled(false)
          .dualstackEnabled(false)
          .overrideConfiguration(ClientOverrideConfiguration.builder()
              .defaultProfileFile(ProfileFile.builder()
                  .content(new ByteArrayInputStream(new byte[0]))
                  .type(ProfileFile.Type.CONFIGURATION)
                  .build())
              .defaultProfileName("default")
              .retryStrategy(RetryMode.STANDARD)
              .build());
      if (endpoint != null) {
        builder.endpointOverride(endpoint);
      }
      return builder.build();
    }
  }

  private static AwsCredentialsProvider credentials(Map<String, String> env,
      List<String> problems) {
    if (env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null) {
      // SnapStart functions get (refreshing) credentials from this endpoint: keys copied from the
      // environment at init would be stale in a snapshot restored days later.
      return ContainerCredentialsProvider.builder().build();
    }
    String keyId = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    String token = env.get("AWS_SESSION_TOKEN");
    if (keyId != null && !keyId.isBlank() && secret != null && !secret.isBlank()) {
      if (token != null && !token.isBlank()) {
        AwsSessionCredentials session = AwsSessionCredentials.create(keyId, secret, token);
        return () -> session;
      }
      AwsBasicCredentials basic = AwsBasicCredentials.create(keyId, secret);
      return () -> basic;
    }
    problems.add("No AWS credentials: set [AWS_ACCESS_KEY_ID] and [AWS_SECRET_ACCESS_KEY] (Lambda"
        + " sets them), or [AWS_CONTAINER_CREDENTIALS_FULL_URI]");
    return null;
  }
}
