package dev.lamina.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.codec.Codecs;
import dev.lamina.test.MutableClock;
import dev.lamina.test.ssm.LocalParameterStore;
import dev.lamina.test.ssm.SsmRequest;
import dev.lamina.testkit.ManualSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Configuration loading under SSM throttling, with the real {@code SsmClient} against the local
 * store and a {@link ManualSleeper} that moves a {@link MutableClock}: every backoff is recorded
 * and takes no real time.
 */
class ThrottledLoadingTest {
  @ParameterPath("/orders/prod")
  record Orders(@PathParameter int poolSize, @Parameter("/shared/region") String region) {}

  @Config(Orders.class)
  static class OrdersHandler extends LambdaHandler<Map<String, Object>, String> {
    OrdersHandler(HandlerEnvironment env) {
      super(env);
    }

    @Override
    protected String handle(Map<String, Object> input, Invocation invocation) {
      return Configs.get(invocation, Orders.class).region();
    }
  }

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T09:00:00Z"));
  private final ManualSleeper sleeper = ManualSleeper.advancing(clock);
  private LocalParameterStore store;

  @BeforeEach
  void start() {
    store = LocalParameterStore.builder().clock(clock).start();
    store.put("/orders/prod/pool-size", "8");
    store.put("/shared/region", "eu-west-1");
  }

  @AfterEach
  void stop() {
    store.close();
  }

  private HandlerEnvironment env(Map<String, String> more) {
    return HandlerEnvironment.builder()
        .variables(LocalSsm.environment(store, more))
        .clock(clock)
        .sleeper(sleeper::sleep)
        .checkpointRegistry(r -> {})
        .build();
  }

  @Test
  void throttledCalls_areRetriedByLamina_notByTheSdk_withGrowingJitteredWaits() {
    store.throttleNext(4);

    new OrdersHandler(env(Map.of()));

    List<SsmRequest> log = store.requests();
    // 4 throttled answers, then the path and the one name: one attempt per Lamina try, so the
    // SDK's retries are off in the client Lamina builds.
    assertEquals(6, log.size(), log.toString());
    assertEquals(4, store.throttled("GetParametersByPath"));
    assertEquals(1, store.served("GetParametersByPath"));
    assertEquals(1, store.served("GetParameters"));
    List<Duration> sleeps = sleeper.sleeps();
    assertEquals(4, sleeps.size(), sleeps.toString());
    for (int i = 0; i < sleeps.size(); i++) {
      long ceiling = Math.min(2_000, 50L << i);
      assertTrue(
          sleeps.get(i).toMillis() >= 1 && sleeps.get(i).toMillis() <= ceiling,
          "wait " + i + " within full jitter of " + ceiling + " ms: " + sleeps);
    }
  }

  @Test
  void aThrottleThatOutlastsTheBudget_failsInit_typed_namingTheCallsAndWhatToSet() {
    store.throttleNext(10_000);

    ConfigThrottledException e =
        assertThrows(
            ConfigThrottledException.class,
            () -> new OrdersHandler(env(Map.of(ConfigLoader.INIT_BUDGET_VARIABLE, "3000"))));

    assertEquals("SSM Parameter Store", e.store());
    assertEquals(Duration.ofMillis(3_000), e.budget());
    assertEquals(store.requests().size(), e.calls(), "every call counted");
    assertEquals(e.calls(), e.throttled());
    assertTrue(e.elapsed().toMillis() < 3_000, "stopped within the budget: " + e.elapsed());
    assertTrue(
        sleeper.total().toMillis() < 3_000, "never slept past the budget: " + sleeper.total());
    String m = e.getMessage();
    assertTrue(m.contains("SSM Parameter Store throttling"), m);
    assertTrue(m.contains(e.calls() + " calls (" + e.throttled() + " throttled)"), m);
    assertTrue(m.contains("paths [/orders/prod]"), m);
    assertTrue(m.contains("high-throughput-enabled"), m);
    assertTrue(m.contains("access = EXTENSION"), m);
    assertTrue(m.contains("provisioned concurrency"), m);
    assertTrue(m.contains(ConfigLoader.INIT_BUDGET_VARIABLE), m);
  }

  @Test
  void otherErrors_areNotRetried() {
    store.failNext(1, "AccessDeniedException");

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> new OrdersHandler(env(Map.of())));

    assertTrue(!(e instanceof ConfigThrottledException), e.toString());
    assertEquals(1, store.requests().size());
    assertEquals(List.of(), sleeper.sleeps());
  }

  @Test
  void theBucketThrottlesAsSsmDoes_andTheLoaderRidesThrough() {
    store.close();
    store = LocalParameterStore.builder().clock(clock).throttle(40, 2).start();
    store.put("/orders/prod/pool-size", "8");
    store.put("/shared/region", "eu-west-1");

    // Two loads spend the burst; the third waits for tokens the clock earns while it backs off.
    for (int i = 0; i < 3; i++) {
      ConfigLoader.builder()
          .environment(LocalSsm.environment(store, Map.of()))
          .clock(clock)
          .sleeper(sleeper::sleep)
          .build()
          .load(Orders.class);
    }

    assertEquals(3, store.served("GetParametersByPath"));
    assertEquals(3, store.served("GetParameters"));
    assertTrue(store.throttled("GetParametersByPath") + store.throttled("GetParameters") > 0);
    SsmRequest throttled =
        store.requests().stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
    assertEquals(400, throttled.status());
    assertEquals("ThrottlingException", throttled.errorType());
  }

  @Test
  void theExtensionPath_retriesThrottledAnswers_too() {
    store.throttleNext(2);

    Orders c =
        ConfigLoader.builder()
            .environment(
                Map.of(
                    "AWS_SESSION_TOKEN",
                    "session-token",
                    ParametersExtension.PORT_VARIABLE,
                    Integer.toString(store.port())))
            .parameterAccess(ParameterAccess.EXTENSION)
            .codec(Codecs.standard())
            .clock(clock)
            .sleeper(sleeper::sleep)
            .build()
            .load(Orders.class);

    assertEquals(8, c.poolSize());
    assertEquals(2, store.throttled(LocalParameterStore.EXTENSION_GET));
    assertEquals(2, store.served(LocalParameterStore.EXTENSION_GET));
    assertEquals(2, sleeper.sleeps().size());
  }

  @Test
  void aBadBudgetVariable_isAConfigurationProblem() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                ConfigLoader.builder()
                    .environment(Map.of(ConfigLoader.INIT_BUDGET_VARIABLE, "ten"))
                    .build());
    assertTrue(e.getMessage().contains(ConfigLoader.INIT_BUDGET_VARIABLE), e.getMessage());
    assertEquals(
        ConfigLoader.DEFAULT_INIT_BUDGET,
        ConfigLoader.builder().environment(Map.of()).build().initBudget());
  }
}
