package dev.lamina.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.core.internal.HandlerRuntime;
import dev.lamina.core.internal.Pipeline;
import dev.lamina.test.CapturedStdout;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import dev.lamina.test.MutableClock;
import dev.lamina.testkit.ManualScheduler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TimeGuardTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-22T10:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler();

  private FakeContext context(Duration timeout) {
    return FakeContext.builder().requestId("req-42").clock(clock).timeout(timeout).build();
  }

  private Invocation invocation(Duration timeout) {
    return new Invocation(context(timeout), clock, false);
  }

  private Interceptor guard(long marginMs, long watchdogMs) {
    return TimeGuardConfig.custom()
        .safetyMargin(Duration.ofMillis(marginMs))
        .watchdogAt(Duration.ofMillis(watchdogMs))
        .build()
        .createInterceptor(
            new HandlerRuntime(
                TimeGuardTest.class,
                Object.class,
                Object.class,
                HandlerEnvironment.builder()
                    .variables(java.util.Map.of())
                    .clock(clock)
                    .scheduler(scheduler)
                    .build()));
  }

  @Test
  void remaining_followsTheClock_andNeverGoesNegative() {
    Invocation inv = invocation(Duration.ofSeconds(10));

    clock.advance(Duration.ofSeconds(3));
    assertEquals(Duration.ofSeconds(7), inv.remaining());
    assertEquals(Duration.ofSeconds(3), inv.elapsed());

    clock.advance(Duration.ofSeconds(30));
    assertEquals(Duration.ZERO, inv.remaining());
  }

  @Test
  void checkRemainingTime_passesOutsideTheMargin_andThrowsWithinIt() throws Exception {
    Pipeline p =
        new Pipeline(
            List.of(guard(1_000, 0)),
            (in, inv) -> {
              inv.checkRemainingTime(); // 10 s left: fine
              clock.advance(Duration.ofMillis(8_999));
              inv.checkRemainingTime(); // 1,001 ms left: fine
              clock.advance(Duration.ofMillis(1));
              inv.checkRemainingTime(); // 1,000 ms left: within the margin
              return "unreachable";
            });

    RemainingTimeExceededException e =
        assertThrows(
            RemainingTimeExceededException.class,
            () -> p.run(invocation(Duration.ofSeconds(10)), () -> null));

    assertEquals(Duration.ofMillis(1_000), e.remaining());
    assertEquals(Duration.ofMillis(1_000), e.margin());
    assertTrue(e.getMessage().contains("[req-42]"), e.getMessage());
  }

  @Test
  void deadline_isNeverBeforeTheOneTheRuntimeAnnounced_evenWhenTheClockTicksBetweenReads() {
    Instant announced = clock.instant().plusMillis(5_000);
    // Like the runtime's context: remaining time from its own read of the clock, which comes a
    // moment after any earlier read; here a millisecond passes just before it.
    Context ticking =
        (Context)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Context.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getRemainingTimeInMillis" -> {
                        clock.advance(Duration.ofMillis(1));
                        yield (int) Duration.between(clock.instant(), announced).toMillis();
                      }
                      case "getAwsRequestId" -> "req-tick";
                      default -> null;
                    });

    Invocation inv = new Invocation(ticking, clock, false);

    assertTrue(!inv.deadline().isBefore(announced), inv.deadline() + " before " + announced);
    assertEquals(announced, inv.deadline(), "no time passed after the runtime's read: exact");
  }

  @Test
  void withoutTimeGuard_theMarginIsZero() {
    Invocation inv = invocation(Duration.ofSeconds(1));
    clock.advance(Duration.ofMillis(999));

    inv.checkRemainingTime();
    clock.advance(Duration.ofMillis(1));

    assertThrows(RemainingTimeExceededException.class, inv::checkRemainingTime);
  }

  @Test
  void watchdog_isScheduledForTheWarningPoint_andWarnsOnce_withRequestIdElapsedAndRemaining()
      throws Exception {
    List<JsonNode> lines;
    try (CapturedStdout out = new CapturedStdout()) {
      Pipeline p =
          new Pipeline(
              List.of(guard(1_000, 500)),
              (in, inv) -> {
                MDC.put(LogFields.REQUEST_ID, inv.requestId());
                ManualScheduler.Task task = scheduler.only();
                assertEquals(Duration.ofMillis(9_500), task.delay());
                clock.advance(Duration.ofMillis(9_600)); // the handler is slow
                task.fire(); // the timer goes off while it still runs
                return "done";
              });
      p.run(invocation(Duration.ofSeconds(10)), () -> null);
      lines = out.jsonLines();
    } finally {
      MDC.clear();
    }

    assertEquals(1, lines.size(), lines.toString());
    JsonNode warning = lines.get(0);
    assertEquals("WARN", warning.get("level").asText());
    assertEquals("req-42", warning.get(LogFields.REQUEST_ID).asText());
    assertEquals(9_600, warning.get("elapsed_ms").asLong());
    assertEquals(400, warning.get("remaining_ms").asLong());
  }

  @Test
  void watchdog_isCancelledWhenTheInvocationEnds_andCannotFireIntoALaterOne() throws Exception {
    Pipeline p = new Pipeline(List.of(guard(1_000, 500)), (in, inv) -> "quick");
    List<JsonNode> lines;
    try (CapturedStdout out = new CapturedStdout()) {
      p.run(invocation(Duration.ofSeconds(10)), () -> null);
      ManualScheduler.Task task = scheduler.only();
      assertTrue(task.isCancelled(), "watchdog must be cancelled when the invocation returns");

      // The environment thaws much later and the timer thread runs the stale task anyway.
      clock.advance(Duration.ofMinutes(5));
      task.fireIgnoringCancel();
      lines = out.jsonLines();
    }

    assertEquals(List.of(), lines);
  }

  @Test
  void watchdog_isCancelledWhenTheHandlerThrows() {
    Pipeline p =
        new Pipeline(
            List.of(guard(1_000, 500)),
            (in, inv) -> {
              throw new IllegalStateException("x");
            });

    assertThrows(
        IllegalStateException.class, () -> p.run(invocation(Duration.ofSeconds(10)), () -> null));

    assertTrue(scheduler.only().isCancelled());
  }

  @Test
  void watchdogOff_schedulesNothing() throws Exception {
    new Pipeline(List.of(guard(1_000, 0)), (in, inv) -> "x")
        .run(invocation(Duration.ofSeconds(10)), () -> null);

    assertEquals(0, scheduler.tasks().size());
  }

  @Test
  void negativeSettings_areRejectedAtBuild_namingTheSetting() {
    IllegalArgumentException margin =
        assertThrows(
            IllegalArgumentException.class,
            () -> TimeGuardConfig.custom().safetyMargin(Duration.ofMillis(-1)).build());
    IllegalArgumentException watchdog =
        assertThrows(
            IllegalArgumentException.class,
            () -> TimeGuardConfig.custom().watchdogAt(Duration.ofMillis(-5)).build());

    assertTrue(margin.getMessage().contains("[safetyMargin]"), margin.getMessage());
    assertTrue(watchdog.getMessage().contains("[watchdogAt]"), watchdog.getMessage());
  }

  @TimeGuard(safetyMarginMillis = 2_000, watchdogMillis = 300)
  static class Guarded extends LambdaHandler<Map<String, Object>, String> {
    Guarded(HandlerEnvironment env) {
      super(env);
    }

    @Override
    protected String handle(Map<String, Object> input, Invocation invocation) {
      return invocation.attribute(Invocation.SAFETY_MARGIN).orElseThrow().toMillis() + "";
    }
  }

  @Test
  void annotation_setsMarginAndWatchdog_fromItsAttributes() throws Exception {
    Guarded handler =
        new Guarded(
            HandlerEnvironment.builder()
                .clock(clock)
                .scheduler(scheduler)
                .variables(Map.of())
                .build());

    String out = Invoke.stream(handler, "{}", context(Duration.ofSeconds(5)));

    assertEquals("\"2000\"", out);
    assertEquals(Duration.ofMillis(4_700), scheduler.only().delay());
  }
}
