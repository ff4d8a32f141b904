package dev.lamina.idempotency.internal;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lamina.core.Invocation;
import dev.lamina.core.Lamina;
import dev.lamina.idempotency.IdempotencyConfig;
import dev.lamina.idempotency.InMemoryIdempotencyStore;
import dev.lamina.idempotency.KeyExtractors;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a fresh JVM by {@link KeyPathLoadingTest}: an idempotent handler keyed on a path,
 * invoked once and then retried as a client would (the same order, a new request id). Prints
 * both answers and how often the handler ran.
 */
public final class KeyPathLoadingProbe {
  /** The order's record type. */
  public record Order(String orderId, int quantity, Line line) {}

  /** A nested part, for a key that is an object. */
  public record Line(String sku) {}

  /** The receipt. */
  public record Receipt(String orderId, int run) {}

  private KeyPathLoadingProbe() {}

  /**
   * Invokes twice.
   *
   * @param args the key path
   */
  public static void main(String[] args) {
    AtomicInteger runs = new AtomicInteger();
    RequestStreamHandler handler =
        Lamina.handler(
                Order.class,
                Receipt.class,
                (Order order, Invocation invocation) ->
                    new Receipt(order.orderId(), runs.incrementAndGet()))
            .handlerClass(KeyPathLoadingProbe.class)
            .feature(
                IdempotencyConfig.custom()
                    .store(new InMemoryIdempotencyStore())
                    .key(KeyExtractors.path(args[0]))
                    .build())
            .build();
    String order = "{\"orderId\":\"o-1\",\"quantity\":2,\"line\":{\"sku\":\"tea\"}}";
    String retry = "{\"quantity\":2,\"line\":{\"sku\":\"tea\"},\"orderId\":\"o-1\"}";
    System.out.println(
        "first " + Invoke.stream(handler, order, FakeContext.builder().requestId("r-1").build()));
    System.out.println(
        "retry " + Invoke.stream(handler, retry, FakeContext.builder().requestId("r-2").build()));
    System.out.println("runs " + runs.get());
  }
}
