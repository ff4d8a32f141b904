package dev.lamina.core.internal.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.core.Resource;
import dev.lamina.core.Resources;
import dev.lamina.core.internal.EnvironmentReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The one policy every Lamina-built AWS client follows. */
class AwsClientSettingsTest {
  private static final String ENDPOINT = "LAMINA_X_ENDPOINT";

  private static Map<String, String> lambda() {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", "eu-west-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "secret");
    env.put("AWS_SESSION_TOKEN", "token");
    return env;
  }

  private static AwsClientSettings read(Map<String, String> vars, EnvironmentReader[] reader) {
    reader[0] = new EnvironmentReader(vars);
    return AwsClientSettings.read(reader[0], "the thing", ENDPOINT, "http://127.0.0.1:8000");
  }

  @Test
  void onLambda_theRegionAndSessionKeysOfTheEnvironment() {
    EnvironmentReader[] r = new EnvironmentReader[1];
    AwsClientSettings s = read(lambda(), r);

    assertEquals(Region.EU_WEST_1, s.region());
    assertInstanceOf(StaticCredentialsProvider.class, s.credentials());
    AwsSessionCredentials c = (AwsSessionCredentials) s.credentials().resolveCredentials();
    assertEquals("AKIDEXAMPLE", c.accessKeyId());
    assertEquals("token", c.sessionToken());
    assertNull(s.endpoint());
    assertEquals(List.of(), r[0].problems());
  }

  @Test
  void containerCredentials_comeFirst_evenWithKeysSet() {
    for (String variable :
        List.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
      Map<String, String> env = lambda();
      env.put(variable, variable.endsWith("FULL_URI") ? "http://127.0.0.1:9999/creds" : "/creds");
      assertInstanceOf(
          ContainerCredentialsProvider.class,
          read(env, new EnvironmentReader[1]).credentials(),
          variable);
    }
  }

  @Test
  void theDefaultRegion_isTheFallback_andBlankMeansUnset() {
    Map<String, String> env = lambda();
    env.put("AWS_REGION", " ");
    env.put("AWS_DEFAULT_REGION", "us-west-2");
    env.put("AWS_SESSION_TOKEN", "");
    EnvironmentReader[] r = new EnvironmentReader[1];
    AwsClientSettings s = read(env, r);

    assertEquals(Region.US_WEST_2, s.region());
    assertTrue(
        !(s.credentials().resolveCredentials() instanceof AwsSessionCredentials),
        "a blank session token is no token");
  }

  @Test
  void everyProblem_atOnce_andNoValueIsQuoted() {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_SECRET_ACCESS_KEY", "do-not-print-me");
    env.put(ENDPOINT, "127.0.0.1:8000");
    EnvironmentReader[] r = new EnvironmentReader[1];

    assertNull(read(env, r));

    List<String> problems = new ArrayList<>(r[0].problems());
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("No AWS region for the thing: set [AWS_REGION]"));
    assertTrue(problems.get(1).contains("No AWS credentials for the thing"));
    assertTrue(problems.get(2).contains("[" + ENDPOINT + "] must be an absolute URI"));
    assertTrue(problems.stream().noneMatch(p -> p.contains("do-not-print-me")));
  }

  @Test
  void anAbsoluteEndpoint_isKept() {
    Map<String, String> env = lambda();
    env.put(ENDPOINT, "http://127.0.0.1:8000");
    assertEquals(
        URI.create("http://127.0.0.1:8000"), read(env, new EnvironmentReader[1]).endpoint());
  }

  @Test
  void aClientResource_isPrimedBeforeACheckpoint_andRecreatedAfterARestore() {
    Resources resources = new Resources();
    AtomicInteger created = new AtomicInteger();
    List<Object> primed = new ArrayList<>();
    Resource<Object> client =
        AwsClientSettings.define(
            resources, "client", () -> "client " + created.incrementAndGet(), primed::add);
    Object first = client.get();

    resources.beforeCheckpoint();
    assertEquals(List.of(first), primed);
    resources.afterRestore();

    assertEquals("client 2", client.get());
    assertSame(client.get(), client.get());
  }
}
