package dev.lamina.idempotency.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.idempotency.IdempotencyPayloadMismatchException;
import dev.lamina.idempotency.Idempotent;
import dev.lamina.idempotency.InMemoryIdempotencyStore;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Whole-input payload hashes through the interceptor, on each of its three routes: a record that
 * the codec writes canonically (hashed as written), a record holding a map (hashed through the
 * canonical form), and a bean. Each must treat a reordered retry as the same payload.
 */
class PayloadHashTest {

  record Flat(String id, List<String> items, int quantity, double price) {}

  record WithMap(String id, Map<String, Integer> lines) {}

  /** A bean with a map inside. */
  public static final class Bean {
    public String id;
    public Map<String, Object> attributes;
  }

  record Recursive(String id, List<Recursive> children) {}

  @Test
  void onlyRecordsOfScalarsListsAndSuchRecords_areWrittenInFixedOrder() {
    assertTrue(FixedOrderTypes.isFixedOrder(Flat.class));
    assertFalse(FixedOrderTypes.isFixedOrder(WithMap.class));
    assertFalse(FixedOrderTypes.isFixedOrder(Bean.class));
    assertFalse(FixedOrderTypes.isFixedOrder(Recursive.class), "refers to itself");
    assertFalse(FixedOrderTypes.isFixedOrder(String.class), "only records take the shortcut");
  }

  @Idempotent(store = InMemoryIdempotencyStore.Provider.class)
  static class FlatHandler extends LambdaHandler<Flat, Integer> {
    final AtomicInteger runs = new AtomicInteger();

    FlatHandler() {
      super(HandlerEnvironment.builder().variables(Map.of()).build());
    }

    @Override
    protected Integer handle(Flat input, Invocation invocation) {
      return runs.incrementAndGet();
    }
  }

  @Idempotent(store = InMemoryIdempotencyStore.Provider.class)
  static class MapHandler extends LambdaHandler<WithMap, Integer> {
    final AtomicInteger runs = new AtomicInteger();

    MapHandler() {
      super(HandlerEnvironment.builder().variables(Map.of()).build());
    }

    @Override
    protected Integer handle(WithMap input, Invocation invocation) {
      return runs.incrementAndGet();
    }
  }

  @Idempotent(store = InMemoryIdempotencyStore.Provider.class)
  static class BeanHandler extends LambdaHandler<Bean, Integer> {
    final AtomicInteger runs = new AtomicInteger();

    BeanHandler() {
      super(HandlerEnvironment.builder().variables(Map.of()).build());
    }

    @Override
    protected Integer handle(Bean input, Invocation invocation) {
      return runs.incrementAndGet();
    }
  }

  private static String invoke(RequestStreamHandler handler, String json) {
    return Invoke.stream(handler, json, FakeContext.builder().requestId("same-request").build());
  }

  @Test
  void flatRecord_reorderedRetry_isTheSamePayload_anotherValueIsNot() {
    FlatHandler handler = new FlatHandler();
    invoke(handler, "{\"id\":\"o-1\",\"items\":[\"a\"],\"quantity\":2,\"price\":1.5}");

    assertEquals(
        "1", invoke(handler, "{\"price\":1.50,\"quantity\":2,\"items\":[\"a\"],\"id\":\"o-1\"}"));
    assertThrows(
        IdempotencyPayloadMismatchException.class,
        () -> invoke(handler, "{\"id\":\"o-1\",\"items\":[\"a\"],\"quantity\":3,\"price\":1.5}"));
    assertEquals(1, handler.runs.get());
  }

  @Test
  void recordHoldingAMap_reorderedMapInARetry_isTheSamePayload() {
    MapHandler handler = new MapHandler();
    invoke(handler, "{\"id\":\"o-1\",\"lines\":{\"a\":1,\"b\":2}}");

    assertEquals("1", invoke(handler, "{\"lines\":{\"b\":2,\"a\":1},\"id\":\"o-1\"}"));
    assertThrows(
        IdempotencyPayloadMismatchException.class,
        () -> invoke(handler, "{\"id\":\"o-1\",\"lines\":{\"a\":1,\"b\":3}}"));
    assertEquals(1, handler.runs.get());
  }

  @Test
  void beanHoldingAMap_reorderedRetry_isTheSamePayload() {
    BeanHandler handler = new BeanHandler();
    invoke(handler, "{\"id\":\"o-1\",\"attributes\":{\"x\":{\"q\":1,\"p\":[1,2]},\"y\":true}}");

    assertEquals(
        "1",
        invoke(
            handler, "{\"attributes\":{\"y\":true,\"x\":{\"p\":[1,2],\"q\":1.0}},\"id\":\"o-1\"}"));
    assertEquals(1, handler.runs.get());
  }
}
