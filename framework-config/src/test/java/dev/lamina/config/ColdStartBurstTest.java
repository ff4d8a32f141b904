package dev.lamina.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.test.MutableClock;
import dev.lamina.test.ssm.LocalParameterStore;
import dev.lamina.test.ssm.SsmRequest;
import dev.lamina.testkit.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A burst of 1,000 cold starts of a {@code @Config} handler against one {@link LocalParameterStore}
 * throttling as SSM does by default: a token bucket of 40 calls a second with a burst of 40, shared
 * by every read. Each init is a handler construction on its own thread (one machine cannot start
 * 1,000 JVMs), with the real {@code SsmClient} over HTTP and Lamina's default init budget (7.5 s of
 * loading, under Lambda's 10 s).
 *
 * <p><b>Time is virtual.</b> The store's bucket, the handlers' clocks and the config loader's
 * backoff all run on one {@link VirtualTime}: the clock moves only when every init is asleep (in
 * its arrival wait or a backoff), straight to the next wake-up, and HTTP calls take no virtual
 * time. The SDK's own retries are off in the clients Lamina builds, so nothing sleeps in real time
 * and every retry is Lamina's. The virtual durations are the model's answer; the real durations are
 * printed for the record, never asserted.
 *
 * <p><b>What is modelled, and why.</b> 1,000 inits that need at least one call each, at 40 calls a
 * second, need at least {@code (1000 - 40) / 40 = 24} s in all: they cannot all finish within 10 s
 * of each other if they all start at the same instant. Lambda does not start them at one instant
 * either (it adds environments at a bounded rate), but its own rate (1,000 environments per 10 s
 * per function) is above SSM's default 40 a second. So:
 *
 * <ul>
 *   <li>The passing burst spreads the 1,000 arrivals at random (a fixed seed) over the 24 s the
 *       bucket needs to serve them: the fastest arrival that the default quota can carry. Zero init
 *       failures is asserted, and that no init took more than its budget.
 *   <li>The literal burst starts all 1,000 at the same instant: the bucket serves at most {@code 40
 *       + 40 * 7.5 = 340} first calls within the budget, so most inits must fail. The test asserts
 *       that every failure is the typed {@link ConfigThrottledException} (naming SSM throttling, the
 *       calls made and what to set) and that no more inits succeed than the bucket allows, and
 *       prints how many exceeded the budget.
 *   <li>At Lambda's own scaling rate (the 1,000 spread over 10 s) arrivals outpace the quota
 *       from the start; the test asserts the typed failures and the bucket's bound, and prints how
 *       many fail.
 *   <li>The same 1,000 with 10,000 parameters in the store (200 paths of 50): each init reads its
 *       own path in {@code ceil(50 / 10) = 5} pages, whatever else the store holds; arrivals spread
 *       over the 124 s that 5,000 calls need at 40 a second.
 * </ul>
 */
class ColdStartBurstTest {
  static final int INITS = 1_000;
  static final int RATE = 40;
  static final int BURST = 40;
  static final Duration TICK = Duration.ofMillis(10);

  /** One parameter path per environment, so the request log tells each init's calls apart. */
  @ParameterPath(fromEnv = "CONFIG_PATH")
  record BurstConfig(
      @PathParameter("db-url") String dbUrl,
      @PathParameter("pool-size") int poolSize,
      @PathParameter("api-key") SecretValue apiKey) {}

  @Config(BurstConfig.class)
  static class BurstHandler extends LambdaHandler<Map<String, Object>, String> {
    BurstHandler(HandlerEnvironment env) {
      super(env);
    }

    @Override
    protected String handle(Map<String, Object> input, Invocation invocation) {
      return Configs.get(invocation, BurstConfig.class).dbUrl();
    }
  }

  /** 50 path parameters: five pages of GetParametersByPath. */
  @ParameterPath(fromEnv = "CONFIG_PATH")
  record FleetConfig(
      @PathParameter("p00") String first,
      @PathParameter("p49") String last,
      @PathParameter("p25") int middle) {}

  @Config(FleetConfig.class)
  static class FleetHandler extends LambdaHandler<Map<String, Object>, String> {
    FleetHandler(HandlerEnvironment env) {
      super(env);
    }

    @Override
    protected String handle(Map<String, Object> input, Invocation invocation) {
      return Configs.get(invocation, FleetConfig.class).last();
    }
  }

  /** What one init did: its virtual and real durations, and what it threw. */
  record Outcome(String path, long virtualMillis, long realMillis, Throwable failure) {}

  /** Everything a burst did. */
  record Burst(List<Outcome> outcomes, long realMillis) {
    List<Outcome> failures() {
      return outcomes.stream().filter(o -> o.failure() != null).toList();
    }

    long slowestVirtualMillis() {
      return outcomes.stream()
          .filter(o -> o.failure() == null)
          .mapToLong(Outcome::virtualMillis)
          .max()
          .orElse(0);
    }

    long slowestRealMillis() {
      return outcomes.stream().mapToLong(Outcome::realMillis).max().orElse(0);
    }
  }

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T09:00:00Z"));
  private LocalParameterStore store;
  private ExecutorService threads;

  @AfterEach
  void stop() throws InterruptedException {
    if (threads != null) {
      threads.shutdownNow();
      threads.awaitTermination(30, TimeUnit.SECONDS);
    }
    if (store != null) {
      store.close();
    }
  }

  private void startStore() {
    store = LocalParameterStore.builder().clock(clock).throttle(RATE, BURST).start();
  }

  private static String environmentPath(int i) {
    return String.format("/burst/env-%04d", i);
  }

  private void seedOnePathPerInit() {
    for (int i = 0; i < INITS; i++) {
      String path = environmentPath(i);
      store.put(path + "/db-url", "jdbc:postgresql://db/orders");
      store.put(path + "/pool-size", "8");
      store.put(path + "/api-key", "ak-" + i, dev.lamina.test.ssm.ParameterType.SECURE_STRING);
    }
  }

  /**
   * Runs {@code inits} handler constructions, each on its own thread, starting at its arrival time
   * in virtual time, and collects what each did.
   */
  private Burst burst(
      long[] arrivalMillis, IntFunction<String> pathOf, IntFunction<HandlerFactory> factoryOf)
      throws Exception {
    int n = arrivalMillis.length;
    VirtualTime time = VirtualTime.participants(clock, n, TICK);
    Instant epoch = clock.instant();
    threads =
        Executors.newFixedThreadPool(
            n,
            r -> {
              Thread t = new Thread(r, "cold-start");
              t.setDaemon(true);
              return t;
            });
    long realStart = System.nanoTime();
    List<Future<Outcome>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      futures.add(
          threads.submit(
              () -> {
                String path = pathOf.apply(index);
                try {
                  time.sleep(Duration.ofMillis(arrivalMillis[index]));
                  Instant start = clock.instant();
                  long real = System.nanoTime();
                  Throwable failure = null;
                  try {
                    factoryOf.apply(index).create(environment(path, time));
                  } catch (RuntimeException e) {
                    failure = e;
                  }
                  return new Outcome(
                      path,
                      Duration.between(start, clock.instant()).toMillis(),
                      (System.nanoTime() - real) / 1_000_000,
                      failure);
                } finally {
                  time.done();
                }
              }));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> f : futures) {
      outcomes.add(f.get(120, TimeUnit.SECONDS));
    }
    long realMillis = (System.nanoTime() - realStart) / 1_000_000;
    System.out.printf(
        "burst of %d: virtual span %d ms, real %d ms%n",
        n, Duration.between(epoch, clock.instant()).toMillis(), realMillis);
    return new Burst(outcomes, realMillis);
  }

  @FunctionalInterface
  interface HandlerFactory {
    LambdaHandler<?, ?> create(HandlerEnvironment env);
  }

  private HandlerEnvironment environment(String path, VirtualTime time) {
    Map<String, String> vars = new HashMap<>();
    vars.put("CONFIG_PATH", path);
    return HandlerEnvironment.builder()
        .variables(LocalSsm.environment(store, vars))
        .clock(clock)
        .sleeper(time::sleep)
        .checkpointRegistry(r -> {})
        .build();
  }

  private static long[] spread(int n, long windowMillis, long seed) {
    Random random = new Random(seed);
    long[] arrivals = new long[n];
    for (int i = 0; i < n; i++) {
      // Whole 100 ms steps: environments that arrive together work in parallel on the test's
      // cores, which keeps the real time down; Lambda, too, adds environments in batches.
      arrivals[i] = (long) (random.nextDouble() * windowMillis) / 100 * 100;
    }
    return arrivals;
  }

  private Map<String, Integer> callsPerPath() {
    Map<String, Integer> calls = new HashMap<>();
    for (SsmRequest r : store.requests("GetParametersByPath")) {
      calls.merge(r.path(), 1, Integer::sum);
    }
    return calls;
  }

  private void report(String name, Burst burst, int successfulCallsPerInit) {
    double meanCalls =
        (store.served("GetParametersByPath") + store.throttled("GetParametersByPath"))
            / (double) burst.outcomes().size();
    int maxCalls =
        burst.outcomes().stream()
            .map(Outcome::failure)
            .filter(ConfigThrottledException.class::isInstance)
            .mapToInt(e -> ((ConfigThrottledException) e).calls())
            .max()
            .orElse(0);
    System.out.printf(
        "%s: inits %d, failures %d, SSM calls per init %d served (%.2f made on average, throttled"
            + " retries included; %s), served %d, throttled %d,"
            + " slowest successful init %d ms"
            + " virtual, slowest init %d ms real, burst %d ms real%n",
        name,
        burst.outcomes().size(),
        burst.failures().size(),
        successfulCallsPerInit,
        meanCalls,
        maxCalls == 0 ? "no init failed" : maxCalls + " made by the busiest failed init",
        store.served("GetParametersByPath"),
        store.throttled("GetParametersByPath"),
        burst.slowestVirtualMillis(),
        burst.slowestRealMillis(),
        burst.realMillis());
  }

  @Test
  void thousandColdStarts_spreadOverTheWindowTheRateNeeds_allLoadWithinTheirBudget()
      throws Exception {
    startStore();
    seedOnePathPerInit();
    long window = (INITS - BURST) * 1_000L / RATE; // 24 s
    store.clearRequests();

    Burst burst =
        burst(
            spread(INITS, window, 13), ColdStartBurstTest::environmentPath, i -> BurstHandler::new);

    report("spread over " + window + " ms", burst, 1);
    assertEquals(List.of(), burst.failures(), "init failures");
    assertEquals(INITS, store.served("GetParametersByPath"), "exactly one served call per init");
    assertTrue(
        burst.slowestVirtualMillis() < ConfigLoader.DEFAULT_INIT_BUDGET.toMillis(),
        "an init took " + burst.slowestVirtualMillis() + " ms of virtual time");
    Map<String, Integer> calls = callsPerPath();
    assertEquals(INITS, calls.size(), "every init read its own path");
  }

  @Test
  void thousandColdStarts_atOneInstant_failTypedOnceTheBudgetIsSpent() throws Exception {
    startStore();
    seedOnePathPerInit();
    store.clearRequests();

    Burst burst =
        burst(new long[INITS], ColdStartBurstTest::environmentPath, i -> BurstHandler::new);

    report("all at one instant", burst, 1);
    long budgetMillis = ConfigLoader.DEFAULT_INIT_BUDGET.toMillis();
    long succeeded = INITS - burst.failures().size();
    // Within the budget the bucket holds BURST tokens and earns RATE a second: no more can pass.
    assertTrue(
        succeeded <= BURST + RATE * budgetMillis / 1_000 + 1,
        succeeded + " inits succeeded, more than the bucket allows in the budget");
    assertEquals(succeeded, store.served("GetParametersByPath"));
    assertTrue(
        burst.failures().size() > 0, "1,000 simultaneous inits cannot fit 40 calls a second");
    for (Outcome o : burst.failures()) {
      ConfigThrottledException e = assertInstanceOf(ConfigThrottledException.class, o.failure());
      assertEquals("SSM Parameter Store", e.store());
      assertEquals(e.calls(), e.throttled(), "every call of a failed init was throttled");
      assertTrue(e.getMessage().contains(ConfigLoader.INIT_BUDGET_VARIABLE), e.getMessage());
      assertTrue(e.getMessage().contains("high-throughput"), e.getMessage());
      assertTrue(o.virtualMillis() <= budgetMillis, "gave up after " + o.virtualMillis() + " ms");
    }
    ConfigThrottledException sample = (ConfigThrottledException) burst.failures().get(0).failure();
    System.out.println("the init error: " + sample.getMessage());
  }

  @Test
  void thousandColdStarts_atLambdasOwnScalingRate_outpaceTheQuota_andTheRestFailTyped()
      throws Exception {
    startStore();
    seedOnePathPerInit();
    store.clearRequests();

    // Lambda adds up to 1,000 environments per 10 s per function: 100 a second, above 40.
    Burst burst =
        burst(
            spread(INITS, 10_000, 19), ColdStartBurstTest::environmentPath, i -> BurstHandler::new);

    report("Lambda's scaling rate, 1,000 over 10 s", burst, 1);
    long succeeded = INITS - burst.failures().size();
    assertEquals(succeeded, store.served("GetParametersByPath"));
    // By the last arrival plus the budget (17.5 s) the bucket has served at most 40 + 40 * 17.5.
    assertTrue(succeeded <= BURST + RATE * 17_500 / 1_000 + 1, succeeded + " succeeded");
    for (Outcome o : burst.failures()) {
      assertInstanceOf(ConfigThrottledException.class, o.failure());
    }
  }

  @Test
  void thousandColdStarts_withTenThousandParameters_pageOnlyTheirOwnPath() throws Exception {
    startStore();
    int paths = 200;
    int perPath = 50;
    for (int p = 0; p < paths; p++) {
      for (int k = 0; k < perPath; k++) {
        store.put(String.format("/fleet/svc-%03d/p%02d", p, k), Integer.toString(k));
      }
    }
    assertEquals(10_000, store.size());
    int pages = (perPath + LocalParameterStore.MAX_BATCH - 1) / LocalParameterStore.MAX_BATCH;
    // At 80 % of the quota: at exactly 100 %, random arrivals build a queue without bound.
    long window = (long) INITS * pages * 1_000L * 5 / (RATE * 4); // 156 s
    store.clearRequests();

    Burst burst =
        burst(
            spread(INITS, window, 17),
            i -> String.format("/fleet/svc-%03d", i % paths),
            i -> FleetHandler::new);

    report("10,000 parameters, spread over " + window + " ms", burst, pages);
    assertEquals(List.of(), burst.failures(), "init failures");
    assertEquals((long) INITS * pages, store.served("GetParametersByPath"), "5 pages per init");
    assertTrue(
        burst.slowestVirtualMillis() < ConfigLoader.DEFAULT_INIT_BUDGET.toMillis(),
        "an init took " + burst.slowestVirtualMillis() + " ms of virtual time");
  }
}
