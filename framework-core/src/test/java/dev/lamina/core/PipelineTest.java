package dev.lamina.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.core.internal.Pipeline;
import dev.lamina.test.FakeContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PipelineTest {
  private final List<String> calls = new ArrayList<>();
  private final Invocation invocation =
      new Invocation(FakeContext.create(), Clock.systemUTC(), false);

  private Interceptor recording(String name) {
    return Interceptor.named(
        name,
        chain -> {
          calls.add(name + ":before");
          try {
            Object result = chain.proceed();
            calls.add(name + ":after");
            return result;
          } finally {
            calls.add(name + ":finally");
          }
        });
  }

  private Pipeline.Terminal handler(Object result) {
    return (input, inv) -> {
      calls.add("handler(" + input + ")");
      return result;
    };
  }

  @Test
  void interceptors_runOutermostFirst_andUnwindInReverse() throws Exception {
    Pipeline p =
        new Pipeline(List.of(recording("a"), recording("b"), recording("c")), handler("ok"));

    Object result = p.run(invocation, () -> "in");

    assertEquals("ok", result);
    assertEquals(
        List.of(
            "a:before",
            "b:before",
            "c:before",
            "handler(in)",
            "c:after",
            "c:finally",
            "b:after",
            "b:finally",
            "a:after",
            "a:finally"),
        calls);
  }

  @Test
  void throwingInterceptor_propagates_andOuterOnesStillComplete() throws Exception {
    IllegalStateException boom = new IllegalStateException("boom");
    Interceptor thrower =
        Interceptor.named(
            "thrower",
            chain -> {
              calls.add("thrower:before");
              throw boom;
            });
    Pipeline p =
        new Pipeline(
            List.of(recording("a"), recording("b"), thrower, recording("c")), handler("ok"));

    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, () -> p.run(invocation, () -> "in"));

    assertSame(boom, thrown);
    assertEquals(
        List.of("a:before", "b:before", "thrower:before", "b:finally", "a:finally"), calls);
  }

  @Test
  void handlerException_reachesOutermostCaller_unchanged() {
    Exception checked = new Exception("checked");
    Pipeline p =
        new Pipeline(
            List.of(recording("a")),
            (in, inv) -> {
              throw checked;
            });

    Exception thrown = assertThrows(Exception.class, () -> p.run(invocation, () -> "in"));

    assertSame(checked, thrown);
    assertEquals(List.of("a:before", "a:finally"), calls);
  }

  @Test
  void secondProceed_isRejected_withTheInterceptorsName() {
    AtomicInteger handlerRuns = new AtomicInteger();
    Interceptor retrying =
        Interceptor.named(
            "RetryTwice",
            chain -> {
              chain.proceed();
              return chain.proceed();
            });
    Pipeline p =
        new Pipeline(
            List.of(recording("outer"), retrying), (in, inv) -> handlerRuns.incrementAndGet());

    PipelineException e =
        assertThrows(PipelineException.class, () -> p.run(invocation, () -> "in"));

    assertTrue(e.getMessage().contains("[RetryTwice]"), e.getMessage());
    assertTrue(e.getMessage().contains("proceed()"), e.getMessage());
    assertEquals(1, handlerRuns.get());
  }

  @Test
  void shortCircuit_skipsInnerInterceptors_handler_andInputDecoding() throws Exception {
    AtomicInteger decodes = new AtomicInteger();
    Interceptor cache = Interceptor.named("cache", chain -> "stored");
    Pipeline p = new Pipeline(List.of(recording("a"), cache, recording("b")), handler("fresh"));

    Object result =
        p.run(
            invocation,
            () -> {
              decodes.incrementAndGet();
              return "in";
            });

    assertEquals("stored", result);
    assertEquals(List.of("a:before", "a:after", "a:finally"), calls);
    assertEquals(0, decodes.get());
  }

  @Test
  void input_isDecodedOnce_evenWhenSeveralLinksReadIt() throws Exception {
    AtomicInteger decodes = new AtomicInteger();
    Interceptor reader =
        chain -> {
          calls.add("saw " + chain.input());
          return chain.proceed();
        };
    Pipeline p = new Pipeline(List.of(reader, reader), handler("ok"));

    p.run(invocation, () -> "in#" + decodes.incrementAndGet());

    assertEquals(1, decodes.get());
    assertEquals(List.of("saw in#1", "saw in#1", "handler(in#1)"), calls);
  }

  @Test
  void interceptorsList_isImmutable_andInOrder() {
    Interceptor a = recording("a");
    Interceptor b = recording("b");
    Pipeline p = new Pipeline(new ArrayList<>(List.of(a, b)), handler("ok"));

    assertEquals(List.of(a, b), p.interceptors());
    assertThrows(UnsupportedOperationException.class, () -> p.interceptors().add(a));
  }
}
