package dev.lamina.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Lambda Managed Instances may run several invocations in one environment at once: one handler
 * instance must keep each invocation's state (log context, attributes, correlation id) to itself.
 */
class ConcurrentInvocationsTest {
  static final AttributeKey<String> SEEN = AttributeKey.of("seen", String.class);

  record Echo(String id) {}

  @TimeGuard(watchdogMillis = 0)
  static class Isolation extends LambdaHandler<Echo, String> {
    Isolation() {
      super(HandlerEnvironment.builder().variables(Map.of()).build());
    }

    @Override
    protected String handle(Echo input, Invocation invocation) throws Exception {
      invocation.setAttribute(SEEN, input.id());
      invocation.setCorrelationId("corr-" + input.id());
      Thread.yield();
      String mdcRequest = MDC.get(LogFields.REQUEST_ID);
      String mdcCorrelation = MDC.get(LogFields.CORRELATION_ID);
      return input.id()
          + "|"
          + invocation.requestId()
          + "|"
          + mdcRequest
          + "|"
          + mdcCorrelation
          + "|"
          + invocation.attribute(SEEN).orElse("none");
    }
  }

  @Test
  void concurrentInvocations_seeOnlyTheirOwnRequestIdAttributesAndCorrelationId() throws Exception {
    Isolation handler = new Isolation();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String id = "n" + i;
        results.add(
            pool.submit(
                () ->
                    Invoke.stream(
                        handler,
                        "{\"id\":\"" + id + "\"}",
                        FakeContext.builder().requestId("req-" + id).build())));
      }
      for (int i = 0; i < results.size(); i++) {
        String id = "n" + i;
        assertEquals(
            "\"" + id + "|req-" + id + "|req-" + id + "|corr-" + id + "|" + id + "\"",
            results.get(i).get());
      }
      List<Future<Map<String, String>>> leftovers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        leftovers.add(pool.submit(MDC::getCopyOfContextMap));
      }
      for (Future<Map<String, String>> f : leftovers) {
        Map<String, String> m = f.get();
        assertTrue(m == null || m.isEmpty(), "MDC left on a pool thread: " + m);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
