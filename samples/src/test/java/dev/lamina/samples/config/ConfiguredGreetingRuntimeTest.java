package dev.lamina.samples.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.test.FunctionClassPath;
import dev.lamina.test.InitError;
import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.ssm.LocalParameterStore;
import dev.lamina.test.ssm.ParameterType;
import dev.lamina.test.ssm.SsmRequest;
import dev.lamina.testkit.FeatureEnvironment;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The configured greeting functions under the real runtime interface client, in child JVMs whose
 * SSM client (built by Lamina from the function's environment) talks to a local Parameter Store
 * started first. The store is why these tests build their {@link LocalLambda}s themselves
 * instead of using {@code @LocalLambdaTest}: its endpoint must be in the child's environment.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfiguredGreetingRuntimeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API_KEY = "gk-live-4f1c0ffee-do-not-log";

  private static LocalParameterStore ssm;
  private static LocalLambda lambda;

  static LocalLambda start(Class<?> handler, Map<String, String> environment) throws IOException {
    return LocalLambda.builder()
        .handler(handler.getName())
        .functionName("configured-greeting")
        .classPath(FunctionClassPath.ofModule())
        .environment("AWS_LAMBDA_LOG_FORMAT", "JSON")
        .environment(FeatureEnvironment.parameterStore(ssm.endpoint()))
        .environment(environment)
        .start();
  }

  @BeforeAll
  static void startStoreThenFunction() throws IOException {
    ssm = LocalParameterStore.start();
    ssm.put("/greeter/test/punctuation", "!!");
    ssm.put("/greeter/test/api-key", API_KEY, ParameterType.SECURE_STRING);
    ssm.put("/shared/greeter/languages", "en,fr", ParameterType.STRING_LIST);
    lambda =
        start(
            ConfiguredGreetingHandler.class,
            Map.of("GREETING", "Howdy", "GREETER_CONFIG_PATH", "/greeter/test"));
  }

  @AfterAll
  static void stop() {
    if (lambda != null) {
      lambda.close();
    }
    ssm.close();
  }

  @Test
  @Order(1)
  void configFromEnvAndParameterStore_reachesTheHandler_withTwoSsmCallsAtInit() throws Exception {
    InvocationResult first = lambda.invoke("{\"name\":\"Ada\"}");

    assertFalse(first.isError(), first.toString());
    JsonNode body = JSON.readTree(first.body());
    assertEquals("Howdy, Ada!!", body.get("message").asText());
    assertTrue(body.get("coldStart").asBoolean());
    List<SsmRequest> calls = ssm.requests();
    assertEquals(
        List.of("GetParametersByPath", "GetParameters"),
        calls.stream().map(SsmRequest::operation).toList(),
        calls.toString());
    assertEquals("/greeter/test", calls.get(0).path());
    assertEquals(List.of("/shared/greeter/languages"), calls.get(1).names());
    assertTrue(calls.stream().allMatch(SsmRequest::withDecryption));
  }

  @Test
  @Order(2)
  void laterInvocations_useTheCachedValues_withoutCallingSsm() {
    InvocationResult second = lambda.invoke("{\"name\":\"Grace\"}");

    assertFalse(second.isError(), second.toString());
    assertEquals(2, ssm.requests().size());
  }

  @Test
  @Order(3)
  void theSecret_neverAppearsInTheFunctionsOutput() {
    lambda.invoke("{}"); // a failing invocation logs an error line too

    assertTrue(
        lambda.output().stream().noneMatch(l -> l.contains(API_KEY)),
        String.join("\n", lambda.output()));
  }

  @Test
  void missingParameters_failInit_withOneMessageListingEachOfThem() throws IOException {
    try (LocalLambda broken =
        start(
            ConfiguredGreetingHandler.class,
            Map.of("GREETER_CONFIG_PATH", "/greeter/not-deployed"))) {
      InitError error = broken.awaitInitError(Duration.ofSeconds(30));

      assertEquals("dev.lamina.config.ConfigurationException", error.errorType());
      String message = error.errorMessage();
      assertTrue(
          message.contains(
              "Configuration [" + GreeterConfig.class.getName() + "] is invalid: 2 problems"),
          message);
      assertTrue(
          message.contains(
              "[/greeter/not-deployed/punctuation] (SSM parameter under the"
                  + " path [/greeter/not-deployed], field [punctuation], expected String): missing"),
          message);
      assertTrue(message.contains("[/greeter/not-deployed/api-key]"), message);
      assertEquals(1, error.exitCode().orElse(-1));
    }
  }

  @Test
  void envOnlyConfig_needsNoParameterStore() throws IOException {
    try (LocalLambda envOnly = start(EnvGreetingHandler.class, Map.of("GREETING", "Hi"))) {
      int before = ssm.requests().size();

      InvocationResult result = envOnly.invoke("{\"name\":\"Linus\"}");

      assertFalse(result.isError(), result.toString());
      assertTrue(result.body().contains("\"Hi, Linus!\""), result.body());
      assertEquals(before, ssm.requests().size());
    }
  }

  @Test
  void throughTheParametersExtension_theSameConfigLoads_withoutTheSdk() throws IOException {
    try (LocalLambda viaExtension =
        LocalLambda.builder()
            .handler(ExtensionGreetingHandler.class.getName())
            .classPath(FunctionClassPath.ofModule())
            .environment("AWS_SESSION_TOKEN", "test-session")
            .environment("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", Integer.toString(ssm.port()))
            .environment("GREETER_CONFIG_PATH", "/greeter/test")
            .classLoadLog(true)
            .start()) {
      int before = ssm.requests().size();

      InvocationResult result = viaExtension.invoke("{\"name\":\"Ada\"}");

      assertFalse(result.isError(), result.toString());
      assertTrue(result.body().contains("\"Hello, Ada!!\""), result.body());
      List<SsmRequest> calls = ssm.requests().subList(before, ssm.requests().size());
      assertEquals(3, calls.size(), calls.toString());
      assertTrue(
          calls.stream().allMatch(c -> c.operation().equals(LocalParameterStore.EXTENSION_GET)),
          calls.toString());
      assertTrue(viaExtension.output().stream().noneMatch(l -> l.contains(API_KEY)));
    }
  }
}
