package dev.lamina.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.HandlerFunction;
import dev.lamina.core.Lamina;
import dev.lamina.core.metrics.InvalidMetricException;
import dev.lamina.core.metrics.InvocationMetrics;
import dev.lamina.core.metrics.LaminaMetric;
import dev.lamina.core.metrics.MetricResolution;
import dev.lamina.core.metrics.MetricUnit;
import dev.lamina.test.CapturedStdout;
import dev.lamina.test.FakeContext;
import dev.lamina.test.MutableClock;
import dev.lamina.test.metrics.EmfLine;
import dev.lamina.test.metrics.EmfSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The metrics feature in-process: lines, limits, splitting, cold start, settings, threads. */
class MetricsFeatureTest {
  private static final EmfSchema SCHEMA = EmfSchema.load();

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-02T10:00:00Z"));
  private final Map<String, String> env = new HashMap<>(Map.of("AWS_LAMBDA_FUNCTION_NAME", "shop"));

  private RequestHandler<Map<String, Object>, String> handler(
      MetricsConfig config, HandlerFunction<Map<String, Object>, String> body) {
    return Lamina.<Map<String, Object>, String>handler(Map.class, String.class, body)
        .feature(config)
        .environment(HandlerEnvironment.builder().variables(env).clock(clock).build())
        .buildRequestHandler();
  }

  private FakeContext context(String requestId) {
    return FakeContext.builder()
        .requestId(requestId)
        .functionName("shop")
        .clock(clock)
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  /** Runs one invocation and returns its metric lines, each checked against the schema. */
  private List<EmfLine> run(RequestHandler<Map<String, Object>, String> handler, String requestId) {
    try (CapturedStdout out = new CapturedStdout()) {
      try {
        handler.handleRequest(Map.of(), context(requestId));
      } catch (RuntimeException e) {
        // the caller asserts on the lines; tests of failures check the exception themselves
      }
      return valid(out.lines());
    }
  }

  private static List<EmfLine> valid(List<String> lines) {
    List<EmfLine> parsed = EmfLine.allIn(lines);
    for (EmfLine line : parsed) {
      assertEquals(List.of(), SCHEMA.problems(line.text()), line.text());
    }
    return parsed;
  }

  private static List<EmfLine> withoutColdStart(List<EmfLine> lines) {
    List<EmfLine> out = new ArrayList<>();
    for (EmfLine l : lines) {
      if (!l.metrics().containsKey("ColdStart")) {
        out.add(l);
      }
    }
    return out;
  }

  @Test
  void oneLine_parsesIntoTheMetricsDimensionsAndMetadataItClaims() {
    RequestHandler<Map<String, Object>, String> h =
        handler(
            MetricsConfig.custom().namespace("Shop").defaultDimension("Stage", "prod").build(),
            (in, inv) -> {
              inv.metrics()
                  .dimension("Channel", "web")
                  .add("OrdersPlaced", 1, MetricUnit.COUNT)
                  .add("OrderValue", 12.5, MetricUnit.NONE)
                  .add("Latency", 3, MetricUnit.MILLISECONDS, MetricResolution.HIGH)
                  .add("Latency", 4, MetricUnit.MILLISECONDS, MetricResolution.HIGH)
                  .metadata("orderRef", "o-1")
                  .metadata("items", 3);
              return "ok";
            });
    clock.advance(Duration.ofMillis(250));

    List<EmfLine> lines = withoutColdStart(run(h, "req-1"));

    assertEquals(1, lines.size());
    EmfLine line = lines.get(0);
    assertEquals("Shop", line.namespace());
    assertEquals(clock.instant().toEpochMilli(), line.timestamp());
    assertEquals(List.of(List.of("Service", "Stage", "Channel")), line.dimensionSets());
    assertEquals(Map.of("Service", "shop", "Stage", "prod", "Channel", "web"), line.dimensions());
    assertEquals(
        new EmfLine.Metric("OrdersPlaced", "Count", 60, List.of(1.0)), line.metric("OrdersPlaced"));
    assertEquals(List.of(12.5), line.metric("OrderValue").values());
    assertEquals(
        new EmfLine.Metric("Latency", "Milliseconds", 1, List.of(3.0, 4.0)),
        line.metric("Latency"));
    assertEquals("o-1", line.properties().get("orderRef").asText());
    assertEquals(3, line.properties().get("items").asInt());
    assertEquals("req-1", line.properties().get("function_request_id").asText());
  }

  @Test
  void metricsAreWrittenWhenTheHandlerThrows_andTheExceptionIsUnchanged() {
    IllegalStateException boom = new IllegalStateException("handler failed");
    RequestHandler<Map<String, Object>, String> h =
        handler(
            MetricsConfig.custom().namespace("Shop").build(),
            (in, inv) -> {
              inv.metrics().add("Attempts", 1, MetricUnit.COUNT);
              throw boom;
            });
    try (CapturedStdout out = new CapturedStdout()) {
      IllegalStateException thrown =
          assertThrows(IllegalStateException.class, () -> h.handleRequest(Map.of(), context("r")));
      assertSame(boom, thrown);
      List<EmfLine> lines = withoutColdStart(valid(out.lines()));
      assertEquals(1, lines.size());
      assertEquals(List.of(1.0), lines.get(0).metric("Attempts").values());
    }
  }

  @Test
  void nothingReachesTheNextInvocation_dimensionsIncluded() {
    RequestHandler<Map<String, Object>, String> h =
        handler(
            MetricsConfig.custom().namespace("Shop").build(),
            (in, inv) -> {
              if (inv.requestId().equals("first")) {
                inv.metrics()
                    .dimension("Tenant", "a")
                    .dimensionSet(Map.of("Region", "eu"))
                    .metadata("note", "x")
                    .add("First", 1, MetricUnit.COUNT);
              } else {
                inv.metrics().add("Second", 2, MetricUnit.COUNT);
              }
              return "ok";
            });

    run(h, "first");
    List<EmfLine> second = run(h, "second");

    assertEquals(1, second.size(), "no cold start on the second invocation");
    EmfLine line = second.get(0);
    assertEquals(List.of(List.of("Service")), line.dimensionSets());
    assertEquals(Map.of("Service", "shop"), line.dimensions());
    assertEquals(List.of("Second"), new ArrayList<>(line.metrics().keySet()));
    assertFalse(line.properties().containsKey("note"));
    assertEquals("second", line.properties().get("function_request_id").asText());
  }

  @Test
  void moreThan100Metrics_areSplitAcrossLines_noneDropped() {
    RequestHandler<Map<String, Object>, String> h =
        handler(
            MetricsConfig.custom().namespace("Shop").build(),
            (in, inv) -> {
              for (int i = 0; i < 250; i++) {
                inv.metrics().add("m" + i, i, MetricUnit.COUNT);
              }
              return "ok";
            });

    List<EmfLine> lines = withoutColdStart(run(h, "r"));

    assertEquals(List.of(100, 100, 50), lines.stream().map(l -> l.metrics().size()).toList());
    Map<String, List<Double>> seen = new LinkedHashMap<>();
    for (EmfLine l : lines) {
      assertEquals(Map.of("Service", "shop"), l.dimensions(), "every line stands on its own");
      l.metrics().forEach((name, m) -> assertTrue(seen.put(name, m.values()) == null, name));
    }
    assertEquals(250, seen.size());
    for (int i = 0; i < 250; i++) {
      assertEquals(List.of((double) i), seen.get("m" + i));
    }
  }

  @Test
  void moreThan100ValuesOfOneMetric_areSplitAcrossLines_inOrder() {
    RequestHandler<Map<String, Object>, String> h =
        handler(
            MetricsConfig.custom().namespace("Shop").build(),
            (in, inv) -> {
              for (int i = 0; i < 230; i++) {
                inv.metrics().add("Latency", i, MetricUnit.MILLISECONDS);
              }
              inv.metrics().add("Once", 1, MetricUnit.COUNT);
              return "ok";
            });

    List<EmfLine> lines = withoutColdStart(run(h, "r"));

    assertEquals(3, lines.size());
    List<Double> all = new ArrayList<>();
    for (EmfLine l : lines) {
      all.addAll(l.metric("Latency").values());
    }
    assertEquals(100, lines.get(0).metric("Latency").values().size());
    assertEquals(30, lines.get(2).metric("Latency").values().size());
    for (int i = 0; i < 230; i++) {
      assertEquals(i, all.get(i));
    }
    assertEquals(List.of(1.0), lines.get(0).metric("Once").values());
    assertFalse(lines.get(1).metrics().containsKey("Once"), "a value is written once");
  }

  @Test
  void limitsAndNameRules_failWhereRecorded_namingTheEntryButNeverTheValue() {
    AtomicReference<List<Throwable>> failures = new AtomicReference<>();
    String secret = "4111111111111111";
    RequestHandler<Map<String, Object>, String> h =
        handler(
            MetricsConfig.custom().namespace("Shop").build(),
            (in, inv) -> {
              InvocationMetrics m = inv.metrics();
              List<Throwable> caught = new ArrayList<>();
              for (int i = 1; i < 30; i++) {
                m.dimension("d" + i, "v");
              }
              caught.add(assertThrows(InvalidMetricException.class, () -> m.dimension("d30", "v")));
              caught.add(assertThrows(InvalidMetricException.class, () -> m.dimension(":x", "v")));
              caught.add(assertThrows(InvalidMetricException.class, () -> m.dimension("é", "v")));
              caught.add(
                  assertThrows(
                      InvalidMetricException.class, () -> m.dimension("x".repeat(251), "v")));
              caught.add(
                  assertThrows(
                      InvalidMetricException.class,
                      () -> m.dimensionSet(Map.of("Card", secret + "é"))));
              caught.add(
                  assertThrows(
                      InvalidMetricException.class,
                      () -> m.dimensionSet(Map.of("Card", secret.repeat(70)))));
              caught.add(
                  assertThrows(
                      InvalidMetricException.class, () -> m.dimensionSet(Map.of("d1", secret))));
              caught.add(assertThrows(InvalidMetricException.class, () -> m.dimensionSet(big(31))));
              caught.add(
                  assertThrows(
                      InvalidMetricException.class,
                      () -> m.add("Bad", Double.NaN, MetricUnit.COUNT)));
              caught.add(
                  assertThrows(InvalidMetricException.class, () -> m.add("", 1, MetricUnit.COUNT)));
              caught.add(
                  assertThrows(
                      InvalidMetricException.class,
                      () -> m.add("x".repeat(256), 1, MetricUnit.COUNT)));
              m.add("Size", 1, MetricUnit.BYTES);
              caught.add(
                  assertThrows(
                      InvalidMetricException.class, () -> m.add("Size", 1, MetricUnit.KILOBYTES)));
              caught.add(
                  assertThrows(
                      InvalidMetricException.class, () -> m.add("d1", 1, MetricUnit.COUNT)));
              caught.add(
                  assertThrows(
                      InvalidMetricException.class, () -> m.add("ColdStart", 1, MetricUnit.COUNT)));
              caught.add(assertThrows(InvalidMetricException.class, () -> m.metadata("Size", "x")));
              caught.add(
                  assertThrows(
                      InvalidMetricException.class, () -> m.metadata("k", List.of(secret))));
              caught.add(assertThrows(InvalidMetricException.class, () -> m.metadata("_aws", 1)));
              failures.set(caught);
              return "ok";
            });

    List<EmfLine> lines = withoutColdStart(run(h, "r"));

    assertEquals(17, failures.get().size());
    for (Throwable t : failures.get()) {
      assertFalse(t.getMessage().contains(secret), t.getMessage());
      assertFalse(t.getMessage().contains("4111"), t.getMessage());
    }
    assertEquals(30, lines.get(0).dimensionSets().get(0).size(), "what was valid is kept");
    assertEquals(List.of(1.0), lines.get(0).metric("Size").values());
  }

  private static Map<String, String> big(int n) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put("k" + i, "v");
    }
    return m;
  }

  @Test
  void extraDimensionSets_areWrittenAlongsideTheDefaultSet() {
    RequestHandler<Map<String, Object>, String> h =
        handler(
            MetricsConfig.custom().namespace("Shop").build(),
            (in, inv) -> {
              Map<String, String> set = new LinkedHashMap<>();
              set.put("Region", "eu");
              set.put("Tier", "gold");
              inv.metrics().dimensionSet(set).dimensionSet(Map.of()).add("N", 1, MetricUnit.COUNT);
              return "ok";
            });

    EmfLine line = withoutColdStart(run(h, "r")).get(0);

    assertEquals(
        List.of(List.of("Service"), List.of("Region", "Tier"), List.of()), line.dimensionSets());
    assertEquals("gold", line.dimensions().get("Tier"));
  }

  @Test
  void coldStart_isItsOwnLine_onceWithFunctionAndServiceDimensions() {
    RequestHandler<Map<String, Object>, String> h =
        handler(
            MetricsConfig.custom().namespace("Shop").service("orders").build(), (in, inv) -> "ok");

    List<EmfLine> first = run(h, "first");
    List<EmfLine> second = run(h, "second");

    assertEquals(1, first.size(), "no other metric was recorded");
    EmfLine cold = first.get(0);
    assertEquals(List.of(List.of("FunctionName", "Service")), cold.dimensionSets());
    assertEquals(Map.of("FunctionName", "shop", "Service", "orders"), cold.dimensions());
    assertEquals(
        new EmfLine.Metric("ColdStart", "Count", 60, List.of(1.0)), cold.metric("ColdStart"));
    assertEquals(List.of(), second);
  }

  @Test
  void noColdStart_forSnapStartOrProvisionedConcurrency_orWhenSwitchedOff() {
    for (String type : List.of("snap-start", "provisioned-concurrency")) {
      env.put("AWS_LAMBDA_INITIALIZATION_TYPE", type);
      assertEquals(
          List.of(),
          run(handler(MetricsConfig.custom().namespace("Shop").build(), (in, inv) -> "ok"), "r"),
          type);
    }
    env.remove("AWS_LAMBDA_INITIALIZATION_TYPE");
    assertEquals(
        List.of(),
        run(
            handler(
                MetricsConfig.custom()
                    .namespace("Shop")
                    .withoutBuiltIns(LaminaMetric.Group.COLD_START)
                    .build(),
                (in, inv) -> "ok"),
            "r"));
  }

  @Test
  void settings_comeFromLaminaThenPowertoolsVariables() {
    env.put("POWERTOOLS_METRICS_NAMESPACE", "FromPowertools");
    env.put("POWERTOOLS_SERVICE_NAME", "payments");
    HandlerFunction<Map<String, Object>, String> body =
        (in, inv) -> {
          inv.metrics().add("N", 1, MetricUnit.COUNT);
          return "ok";
        };
    EmfLine line = withoutColdStart(run(handler(MetricsConfig.ofDefaults(), body), "r")).get(0);
    assertEquals("FromPowertools", line.namespace());
    assertEquals("payments", line.dimensions().get("Service"));

    env.put("LAMINA_METRICS_NAMESPACE", "FromLamina");
    line = withoutColdStart(run(handler(MetricsConfig.ofDefaults(), body), "r")).get(0);
    assertEquals("FromLamina", line.namespace());

    line =
        withoutColdStart(
                run(handler(MetricsConfig.custom().namespace("InCode").build(), body), "r"))
            .get(0);
    assertEquals("InCode", line.namespace());
  }

  @Test
  void noNamespace_failsInit_namingEveryWayToSetIt() {
    MetricsConfigurationException e =
        assertThrows(
            MetricsConfigurationException.class,
            () -> handler(MetricsConfig.ofDefaults(), (in, inv) -> "ok"));
    assertTrue(e.getMessage().contains("LAMINA_METRICS_NAMESPACE"), e.getMessage());
    assertTrue(e.getMessage().contains("POWERTOOLS_METRICS_NAMESPACE"), e.getMessage());
    assertTrue(e.getMessage().contains("LAMINA_METRICS_DISABLED=true"), e.getMessage());

    env.put("LAMINA_METRICS_NAMESPACE", "AWS/Lambda");
    env.put("LAMINA_METRICS_DISABLED", "maybe");
    e =
        assertThrows(
            MetricsConfigurationException.class,
            () -> handler(MetricsConfig.ofDefaults(), (in, inv) -> "ok"));
    assertTrue(
        e.getMessage().contains("[LAMINA_METRICS_DISABLED] must be true or false"), e.getMessage());
    assertTrue(
        e.getMessage().contains("[LAMINA_METRICS_NAMESPACE] must not start with AWS/"),
        e.getMessage());
  }

  @Test
  void theSwitch_keepsTheChecksButWritesNothing() {
    for (String variable : List.of("LAMINA_METRICS_DISABLED", "POWERTOOLS_METRICS_DISABLED")) {
      env.clear();
      env.put(variable, "true");
      AtomicReference<Boolean> enabled = new AtomicReference<>();
      RequestHandler<Map<String, Object>, String> h =
          handler(
              MetricsConfig.ofDefaults(),
              (in, inv) -> {
                enabled.set(inv.metrics().isEnabled());
                inv.metrics().add("N", 1, MetricUnit.COUNT);
                assertThrows(
                    InvalidMetricException.class, () -> inv.metrics().dimension(":bad", "v"));
                return "ok";
              });
      assertEquals(List.of(), run(h, "r"), variable);
      assertFalse(enabled.get());
    }
  }

  @Test
  void fannedOutWork_recordsConcurrently_andRecordingAfterTheEndIsRefused() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicReference<InvocationMetrics> escaped = new AtomicReference<>();
    try {
      RequestHandler<Map<String, Object>, String> h =
          handler(
              MetricsConfig.custom().namespace("Shop").build(),
              (in, inv) -> {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                  int thread = t;
                  done.add(
                      pool.submit(
                          () -> {
                            start.await();
                            for (int i = 0; i < 500; i++) {
                              inv.metrics().add("Work", 1, MetricUnit.COUNT);
                              inv.metrics().add("t" + thread, i, MetricUnit.COUNT);
                            }
                            return null;
                          }));
                }
                start.countDown();
                for (Future<?> f : done) {
                  f.get();
                }
                escaped.set(inv.metrics());
                return "ok";
              });

      List<EmfLine> lines = withoutColdStart(run(h, "r"));

      int work = 0;
      Map<String, Integer> perThread = new HashMap<>();
      for (EmfLine l : lines) {
        if (l.metrics().containsKey("Work")) {
          work += l.metric("Work").values().size();
        }
        l.metrics().forEach((n, m) -> perThread.merge(n, m.values().size(), Integer::sum));
      }
      assertEquals(4_000, work);
      for (int t = 0; t < 8; t++) {
        assertEquals(500, perThread.get("t" + t));
      }
      IllegalStateException late =
          assertThrows(
              IllegalStateException.class, () -> escaped.get().add("Late", 1, MetricUnit.COUNT));
      assertTrue(late.getMessage().contains("[r]"), late.getMessage());
      escaped.get().count(LaminaMetric.TIME_GUARD_WARNINGS, 1); // built-ins never throw
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withoutTheFeature_theHandleIsANoOp() {
    RequestHandler<Map<String, Object>, String> h =
        Lamina.<Map<String, Object>, String>handler(
                Map.class,
                String.class,
                (in, inv) -> {
                  assertSame(InvocationMetrics.disabled(), inv.metrics());
                  inv.metrics().add("Lost", 1, MetricUnit.COUNT);
                  return "ok";
                })
            .environment(HandlerEnvironment.builder().variables(env).clock(clock).build())
            .buildRequestHandler();
    assertEquals(List.of(), run(h, "r"));
  }
}
