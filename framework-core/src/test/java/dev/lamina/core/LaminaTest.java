package dev.lamina.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import dev.lamina.testkit.ManualScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LaminaTest {
  record Order(String id, int qty) {}

  record Receipt(String orderId, int total) {}

  private final List<String> calls = new ArrayList<>();
  private final HandlerEnvironment env =
      HandlerEnvironment.builder().variables(Map.of()).scheduler(new ManualScheduler()).build();

  private Interceptor recording(String name) {
    return Interceptor.named(
        name,
        chain -> {
          calls.add(name);
          return chain.proceed();
        });
  }

  @Test
  void composedStreamHandler_decodesRunsInterceptorsInOrder_andEncodes() throws Exception {
    RequestStreamHandler handler =
        Lamina.handler(
                Order.class,
                Receipt.class,
                (Order o, Invocation inv) -> {
                  calls.add("body");
                  return new Receipt(o.id(), o.qty() * 10);
                })
            .interceptor(recording("first"))
            .interceptor(recording("second"))
            .environment(env)
            .build();
    String out = Invoke.stream(handler, "{\"id\":\"o-1\",\"qty\":3}");

    assertEquals("{\"orderId\":\"o-1\",\"total\":30}", out);
    assertEquals(List.of("first", "second", "body"), calls);
  }

  @Test
  void decoratedRequestHandler_keepsItsTypes_andGetsTheLogContext() {
    RequestHandler<Order, Receipt> existing =
        (order, context) -> {
          calls.add("request id in MDC: " + MDC.get(LogFields.REQUEST_ID));
          return new Receipt(order.id(), order.qty());
        };

    RequestHandler<Order, Receipt> decorated =
        Lamina.decorate(existing, Order.class, Receipt.class)
            .interceptor(recording("audit"))
            .environment(env)
            .buildRequestHandler();
    Receipt receipt =
        decorated.handleRequest(
            new Order("o-2", 4), FakeContext.builder().requestId("req-7").build());

    assertEquals(new Receipt("o-2", 4), receipt);
    assertEquals(List.of("audit", "request id in MDC: req-7"), calls);
    assertTrue(MDC.getCopyOfContextMap() == null || MDC.getCopyOfContextMap().isEmpty());
  }

  @Test
  void featureAnnotationInstance_addsItsInterceptor_likeOnTheBaseClass() throws Exception {
    @TimeGuard(safetyMarginMillis = 1_234, watchdogMillis = 0)
    class Holder {}
    List<Long> margins = new ArrayList<>();
    RequestStreamHandler handler =
        Lamina.handler(
                Map.class,
                String.class,
                (Map<?, ?> in, Invocation inv) -> {
                  margins.add(inv.attribute(Invocation.SAFETY_MARGIN).orElseThrow().toMillis());
                  return "ok";
                })
            .feature(Holder.class.getAnnotation(TimeGuard.class))
            .environment(env)
            .build();

    Invoke.stream(handler, "{}");

    assertEquals(List.of(1_234L), margins);
  }

  @Test
  void featureConfig_createsItsInterceptorFromTheHandlersInitContext_atBuildTime()
      throws Exception {
    List<InitContext> seen = new ArrayList<>();
    FeatureConfig audit =
        new FeatureConfig() {
          @Override
          public int order() {
            return 300;
          }

          @Override
          public Interceptor createInterceptor(InitContext context) {
            seen.add(context);
            return recording("audit");
          }
        };
    Lamina.Builder<Map<?, ?>, String> builder =
        Lamina.handler(Map.class, String.class, (Map<?, ?> in, Invocation inv) -> "ok")
            .feature(audit)
            .environment(env);
    assertEquals(List.of(), seen, "nothing is created before build()");

    RequestStreamHandler handler = builder.build();
    Invoke.stream(handler, "{}");

    assertEquals(1, seen.size());
    assertEquals(Map.class, seen.get(0).inputType());
    assertEquals(String.class, seen.get(0).outputType());
    assertEquals(env, seen.get(0).environment());
    assertTrue(seen.get(0).resources().size() > 0, "the handler's resources (its codec at least)");
    assertEquals(List.of("audit"), calls);
  }

  @Test
  void annotationsConfigsAndInterceptors_shareOneOrder() throws Exception {
    @TimeGuard(watchdogMillis = 0)
    class Holder {}
    RequestStreamHandler handler =
        Lamina.handler(
                Map.class,
                String.class,
                (Map<?, ?> in, Invocation inv) -> {
                  calls.add("body, margin " + inv.attribute(Invocation.SAFETY_MARGIN).isPresent());
                  return "ok";
                })
            .interceptor(recording("innermost, added first"))
            .interceptor(recording("at 150"), 150)
            .feature(ordered("config at 50", 50))
            .interceptor(recording("at 50, after the config"), 50)
            .feature(Holder.class.getAnnotation(TimeGuard.class)) // 100
            .interceptor(
                Interceptor.named(
                    "sees the margin",
                    chain -> {
                      calls.add(
                          "margin set outside 150: "
                              + chain.invocation().attribute(Invocation.SAFETY_MARGIN).isPresent());
                      return chain.proceed();
                    }),
                150)
            .environment(env)
            .build();

    Invoke.stream(handler, "{}");

    assertEquals(
        List.of(
            "config at 50",
            "at 50, after the config",
            "at 150",
            "margin set outside 150: true",
            "innermost, added first",
            "body, margin true"),
        calls);
  }

  @Test
  void timeGuardConfig_takesTheAnnotationsPlace_andTheSchedulerOfTheEnvironment() {
    assertEquals(
        TimeGuard.class.getAnnotation(Feature.class).order(), TimeGuardConfig.ofDefaults().order());
    ManualScheduler scheduler = new ManualScheduler();
    HandlerEnvironment withScheduler =
        HandlerEnvironment.builder().variables(Map.of()).scheduler(scheduler).build();
    RequestHandler<String, String> handler =
        Lamina.decorate(
                (String in, com.amazonaws.services.lambda.runtime.Context c) -> in,
                String.class,
                String.class)
            .feature(TimeGuardConfig.custom().watchdogAt(java.time.Duration.ofMillis(500)).build())
            .environment(withScheduler)
            .buildRequestHandler();

    handler.handleRequest("x", FakeContext.create());

    assertEquals(1, scheduler.tasks().size(), "the watchdog went to the environment's scheduler");
  }

  private FeatureConfig ordered(String name, int order) {
    return new FeatureConfig() {
      @Override
      public int order() {
        return order;
      }

      @Override
      public Interceptor createInterceptor(InitContext context) {
        return recording(name);
      }
    };
  }

  @Test
  void annotationWithoutFeatureMetaAnnotation_isRejected() {
    Deprecated notAFeature = Holder2.class.getAnnotation(Deprecated.class);

    PipelineException e =
        assertThrows(
            PipelineException.class,
            () -> Lamina.handler(Map.class, String.class, (in, inv) -> "x").feature(notAFeature));

    assertTrue(e.getMessage().contains("@java.lang.Deprecated"), e.getMessage());
  }

  @Deprecated
  static class Holder2 {}
}
