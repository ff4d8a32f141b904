package dev.lamina.config.internal;

import dev.lamina.config.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;

/**
 * Builds the SSM client with nothing to discover (PERFORMANCE-NOTES.md: explicit region,
 * credentials, HTTP client, defaults mode, retry mode, no profile files): each lookup the SDK
 * skips is cold-start time saved.
 */
public final class SsmClients {
  /** See {@code SsmParameters.ENDPOINT_VARIABLE}. */
  public static final String ENDPOINT_VARIABLE = "LAMINA_SSM_ENDPOINT";

  private SsmClients() {}

  /** Builds the client from environment variables; see {@code SsmParameters.fromEnvironment}. */
  public static SsmClient fromEnvironment(Map<String, String> env) {
    Objects.requireNonNull(env, "environment");
    String region = firstSet(env, "AWS_REGION", "AWS_DEFAULT_REGION");
    if (region == null) {
      throw new ConfigurationException("No AWS region for SSM Parameter Store: set [AWS_REGION]"
          + " (Lambda sets it), or give ConfigLoader a source with SsmParameters.using(client)",
          null);
    }
    ProfileFile noProfiles = ProfileFile.builder()
        .content(new ByteArrayInputStream(new byte[0]))
        .type(ProfileFile.Type.CONFIGURATION)
        .build();
    SsmClientBuilder builder = SsmClient.builder()
        .region(Region.of(region))
        .credentialsProvider(credentials(env))
        .httpClient(UrlConnectionHttpClient.builder().build())
        .defaultsMode(DefaultsMode.STANDARD)
        .dualstackEnabled(false)
        .fipsEnabled(false)
        .overrideConfiguration(o -> o
            .retryStrategy(RetryMode.STANDARD)
            .defaultProfileFile(noProfiles)
            .defaultProfileName("default"));
    String endpoint = env.get(ENDPOINT_VARIABLE);
    if (endpoint != null && !endpoint.isEmpty()) {
      try {
        builder.endpointOverride(URI.create(endpoint));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException("[" + ENDPOINT_VARIABLE + "] is not a URI: set it to"
            + " an endpoint such as http://127.0.0.1:4583, or unset it", e);
      }
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(Map<String, String> env) {
    String key = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (key != null && !key.isEmpty() && secret != null && !secret.isEmpty()) {
      String token = env.get("AWS_SESSION_TOKEN");
      return StaticCredentialsProvider.create(token == null || token.isEmpty()
          ? AwsBasicCredentials.create(key, secret)
          : AwsSessionCredentials.create(key, secret, token));
    }
    if (env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null
        || env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") != null) {
      return ContainerCredentialsProvider.builder().build();
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private static String firstSet(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }
}
