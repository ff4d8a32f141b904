package dev.lamina.config;

import dev.lamina.test.FakeAwsEnvironment;
import dev.lamina.test.ssm.LocalParameterStore;
import dev.lamina.testkit.FeatureEnvironment;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The real SsmClient pointed at a {@link LocalParameterStore}, two ways. */
final class LocalSsm {
  private LocalSsm() {}

  /** A client built by the test, as a user with their own client would. */
  static SsmClient client(LocalParameterStore store) {
    return SsmClient.builder()
        .endpointOverride(store.endpoint())
        .region(Region.of(FakeAwsEnvironment.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    FakeAwsEnvironment.ACCESS_KEY_ID, FakeAwsEnvironment.SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** The environment a function would have, plus the endpoint override, for clients Lamina builds. */
  static Map<String, String> environment(LocalParameterStore store, Map<String, String> more) {
    Map<String, String> env = new HashMap<>(more);
    env.putAll(FeatureEnvironment.parameterStore(store.endpoint()));
    return env;
  }
}
