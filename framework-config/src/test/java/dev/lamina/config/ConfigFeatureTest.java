package dev.lamina.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.Lamina;
import dev.lamina.test.CapturedStdout;
import dev.lamina.test.Invoke;
import dev.lamina.test.MutableClock;
import dev.lamina.test.ssm.LocalParameterStore;
import dev.lamina.test.ssm.ParameterType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @Config} on a handler: loaded at init, handed to invocations, refreshed, restored. */
class ConfigFeatureTest {
  static final String API_KEY = "ak-live-0123456789";

  record GreeterConfig(@Env String greeting, @Parameter("/greeter/api-key") SecretValue apiKey) {}

  @Config(value = GreeterConfig.class, maxAgeSeconds = 60)
  static class Greeter extends LambdaHandler<Map<String, Object>, String> {
    Greeter(HandlerEnvironment env) {
      super(env);
    }

    @Override
    protected String handle(Map<String, Object> input, Invocation invocation) {
      GreeterConfig config = Configs.get(invocation, GreeterConfig.class);
      return config.greeting() + " (key of " + config.apiKey().reveal().length() + " chars)";
    }
  }

  static class Unconfigured extends LambdaHandler<Map<String, Object>, String> {
    Unconfigured(HandlerEnvironment env) {
      super(env);
    }

    @Override
    protected String handle(Map<String, Object> input, Invocation invocation) {
      return Configs.get(invocation, GreeterConfig.class).greeting();
    }
  }

  private LocalParameterStore store;
  private CapturedStdout stdout;
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-22T10:00:00Z"));
  private final List<org.crac.Resource> hooks = new ArrayList<>();

  @BeforeEach
  void start() {
    stdout = new CapturedStdout();
    store = LocalParameterStore.start();
    store.put("/greeter/api-key", API_KEY, ParameterType.SECURE_STRING);
  }

  @AfterEach
  void stop() {
    store.close();
    stdout.close();
    assertFalse(stdout.text().contains(API_KEY), "a secret reached the log");
  }

  private HandlerEnvironment env(Map<String, String> vars) {
    return HandlerEnvironment.builder()
        .variables(LocalSsm.environment(store, vars))
        .clock(clock)
        .checkpointRegistry(hooks::add)
        .build();
  }

  @Test
  void handler_readsItsConfigFromTheInvocation_loadedOnceAtInit() throws Exception {
    Greeter handler = new Greeter(env(Map.of("GREETING", "Hello")));
    int afterInit = store.requests().size();

    String first = Invoke.stream(handler, "{}");
    String second = Invoke.stream(handler, "{}");

    assertEquals(1, afterInit, "one GetParameters at init");
    assertEquals("\"Hello (key of 18 chars)\"", first);
    assertEquals(first, second);
    assertEquals(1, store.requests().size(), "no call per invocation");
    assertTrue(
        handler.interceptors().stream().anyMatch(i -> i.name().equals("Config[GreeterConfig]")));
  }

  @Test
  void missingParameterAndVariable_failInit_withOneExceptionListingBoth() {
    store.delete("/greeter/api-key");

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> new Greeter(env(Map.of())));

    assertEquals(
        List.of("GREETING", "/greeter/api-key"),
        e.problems().stream().map(ConfigurationException.Problem::key).toList());
  }

  @Test
  void afterMaxAge_theNextInvocationSeesNewValues() throws Exception {
    Greeter handler = new Greeter(env(Map.of("GREETING", "Hello")));
    store.put("/greeter/api-key", "short", ParameterType.SECURE_STRING);

    String before = Invoke.stream(handler, "{}");
    clock.advance(Duration.ofSeconds(60));
    String after = Invoke.stream(handler, "{}");

    assertEquals("\"Hello (key of 18 chars)\"", before);
    assertEquals("\"Hello (key of 5 chars)\"", after);
  }

  @Test
  void snapStartRestore_forcesARefreshOnTheNextInvocation_whateverTheAge() throws Exception {
    Greeter handler = new Greeter(env(Map.of("GREETING", "Hello")));
    store.put("/greeter/api-key", "rotated", ParameterType.SECURE_STRING);
    store.clearRequests();

    for (org.crac.Resource hook : hooks) {
      hook.beforeCheckpoint(null);
      hook.afterRestore(null);
    }
    String restored = Invoke.stream(handler, "{}");

    assertEquals("\"Hello (key of 7 chars)\"", restored);
    assertEquals(1, store.requests().size());
  }

  @Test
  void theSsmClient_isAnInitOnceResource_recreatedAfterARestore_andStillServesRefreshes()
      throws Exception {
    dev.lamina.core.Resources resources = new dev.lamina.core.Resources();
    dev.lamina.core.Resource<software.amazon.awssdk.services.ssm.SsmClient> client =
        dev.lamina.config.internal.SsmClients.fromEnvironment(
            resources, LocalSsm.environment(store, Map.of()));
    software.amazon.awssdk.services.ssm.SsmClient before = client.get();

    resources.beforeCheckpoint();
    resources.afterRestore();

    assertTrue(before != client.get(), "a new client after the restore");
    assertEquals(
        API_KEY,
        client
            .get()
            .getParameter(r -> r.name("/greeter/api-key").withDecryption(true))
            .parameter()
            .value());
  }

  @Test
  void theAnnotationsLoader_registersItsSsmClientWithTheHandlersResources() throws Exception {
    dev.lamina.core.Resources resources = new dev.lamina.core.Resources();
    int before = resources.size();
    ConfigLoader loader =
        ConfigLoader.builder()
            .environment(LocalSsm.environment(store, Map.of("GREETING", "Hi")))
            .resources(resources)
            .build();

    loader.load(GreeterConfig.class);

    assertEquals(before + 1, resources.size(), "the SSM client it created");
    store.clearRequests();
    resources.afterRestore();
    assertEquals("Hi", loader.load(GreeterConfig.class).greeting());
    assertEquals(1, store.requests().size(), "read through the re-created client");
  }

  @Config(value = GreeterConfig.class, maxAgeSeconds = -5)
  static class NegativeMaxAge extends LambdaHandler<Map<String, Object>, String> {
    NegativeMaxAge(HandlerEnvironment env) {
      super(env);
    }

    @Override
    protected String handle(Map<String, Object> input, Invocation invocation) {
      return "never";
    }
  }

  @Test
  void aNegativeMaxAge_failsInit_namingTheAnnotationTheHandlerAndTheSetting() {
    dev.lamina.core.PipelineException e =
        assertThrows(
            dev.lamina.core.PipelineException.class,
            () -> new NegativeMaxAge(env(Map.of("GREETING", "Hi"))));

    assertEquals(
        "@Config on ["
            + NegativeMaxAge.class.getName()
            + "] is invalid: [maxAge] must"
            + " be zero (never refresh) or more, was -5 s",
        e.getMessage());
  }

  @Test
  void configsGet_withoutTheFeature_saysHowToSwitchItOn() {
    Unconfigured handler = new Unconfigured(env(Map.of()));

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> Invoke.stream(handler, "{}"));

    assertTrue(
        e.getMessage().contains("annotate the handler with @Config(GreeterConfig.class)"),
        e.getMessage());
  }

  @Test
  void plainJava_composesTheSameInterceptor_withoutTheBaseClass() throws Exception {
    ConfigFeature feature = ConfigFeature.of(GreeterConfig.class).build();
    assertEquals(
        Config.class.getAnnotation(dev.lamina.core.Feature.class).order(),
        feature.order(),
        "the annotation's place in the chain");
    var handler =
        Lamina.handler(
                Map.class,
                String.class,
                (input, invocation) -> Configs.get(invocation, GreeterConfig.class).greeting())
            .feature(feature)
            .environment(env(Map.of("GREETING", "Hi")))
            .build();

    assertEquals("\"Hi\"", Invoke.stream(handler, "{}"));
  }
}
