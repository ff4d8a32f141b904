package dev.lamina.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.test.FakeAwsEnvironment;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureEnvironmentTest {

  @Test
  void idempotency_addsTableAndEndpoint_toTheFakeAwsVariables() {
    Map<String, String> env =
        FeatureEnvironment.idempotency("t-1", URI.create("http://127.0.0.1:8000"));

    Map<String, String> expected = FakeAwsEnvironment.variables();
    expected.put("LAMINA_IDEMPOTENCY_TABLE", "t-1");
    expected.put("LAMINA_IDEMPOTENCY_ENDPOINT", "http://127.0.0.1:8000");
    assertEquals(expected, env);
  }

  @Test
  void parameterStore_addsTheSsmEndpoint() {
    Map<String, String> env =
        FeatureEnvironment.parameterStore(URI.create("http://127.0.0.1:9000"));

    assertEquals("http://127.0.0.1:9000", env.get("LAMINA_SSM_ENDPOINT"));
    assertEquals("us-east-1", env.get("AWS_REGION"));
  }
}
