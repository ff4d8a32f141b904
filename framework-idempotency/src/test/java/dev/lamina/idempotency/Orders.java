package dev.lamina.idempotency;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Test handlers: each counts how often its body really ran. */
final class Orders {
  private Orders() {}

  public record Order(String orderId, int quantity, String note) {}

  public record Receipt(String orderId, int run, String filler) {}

  /** Keyed on the request id (the default). */
  @Idempotent
  public static class ByRequestId extends LambdaHandler<Order, Receipt> {
    final AtomicInteger runs = new AtomicInteger();

    public ByRequestId(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    protected Receipt handle(Order order, Invocation invocation) {
      return new Receipt(order.orderId(), runs.incrementAndGet(), null);
    }
  }

  /** Keyed on the order id, with a local cache. */
  @Idempotent(key = "/orderId", localCacheSize = 16)
  public static class CachedByOrderId extends LambdaHandler<Order, Receipt> {
    final AtomicInteger runs = new AtomicInteger();

    public CachedByOrderId(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    protected Receipt handle(Order order, Invocation invocation) {
      return new Receipt(order.orderId(), runs.incrementAndGet(), null);
    }
  }

  /** Keyed on the order id; fails while {@link #failing} is set; can block; sizes its result. */
  @Idempotent(key = "/orderId")
  public static class ByOrderId extends LambdaHandler<Order, Receipt> {
    final AtomicInteger runs = new AtomicInteger();
    volatile RuntimeException failing;
    volatile boolean failFirstRunOnly;

    /** Counted down as each run starts (after the claim, before the gate). */
    final CountDownLatch started = new CountDownLatch(1);

    volatile CountDownLatch release;
    volatile int fillerBytes;

    public ByOrderId(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    protected Receipt handle(Order order, Invocation invocation) throws InterruptedException {
      int run = runs.incrementAndGet();
      started.countDown();
      CountDownLatch gate = release;
      if (gate != null && !gate.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test gate never opened");
      }
      RuntimeException failure = failing;
      if (failure != null && (!failFirstRunOnly || run == 1)) {
        throw failure;
      }
      return new Receipt(order.orderId(), run, fillerBytes == 0 ? null : "x".repeat(fillerBytes));
    }
  }

  /** Keyed on the order id; a duplicate waits only 300 ms. */
  @Idempotent(key = "/orderId", waitForInProgressMillis = 300)
  public static class BrieflyWaitingByOrderId extends ByOrderId {
    public BrieflyWaitingByOrderId(HandlerEnvironment environment) {
      super(environment);
    }
  }

  /** Validates only the quantity: a changed note is the same request. */
  @Idempotent(key = "/orderId", validatePath = "/quantity")
  public static class ValidatesQuantity extends ByOrderId {
    public ValidatesQuantity(HandlerEnvironment environment) {
      super(environment);
    }
  }

  /** Missing keys run without idempotency. */
  @Idempotent(key = "/orderId", missingKey = MissingKeyPolicy.PASS_THROUGH)
  public static class PassThrough extends ByOrderId {
    public PassThrough(HandlerEnvironment environment) {
      super(environment);
    }
  }

  /**
   * A plain {@link RequestHandler} for the decorator and {@code Lamina.handler}: counts its runs;
   * with {@link #gateFirst} the first run says it started and waits at a gate; with
   * {@link #firstFails} the first run then throws.
   */
  static final class GatedOrders implements RequestHandler<Map<String, Object>, String> {
    final AtomicInteger runs = new AtomicInteger();
    final CountDownLatch firstStarted = new CountDownLatch(1);
    final CountDownLatch releaseFirst = new CountDownLatch(1);
    volatile boolean gateFirst;
    volatile RuntimeException firstFails;

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
      int run = runs.incrementAndGet();
      if (run == 1 && gateFirst) {
        firstStarted.countDown();
        try {
          if (!releaseFirst.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("test gate never opened");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      if (run == 1 && firstFails != null) {
        throw firstFails;
      }
      return "run " + run + " for " + input.get("orderId");
    }
  }
}
