package dev.lamina.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lamina.benchmarks.PipelineBenchmark.Order;
import dev.lamina.benchmarks.PipelineBenchmark.Receipt;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.TimeGuard;
import dev.lamina.idempotency.Idempotent;
import dev.lamina.idempotency.InMemoryIdempotencyStore;
import dev.lamina.test.FakeContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What idempotency adds to a warm invocation, without the network: the same Lamina handler
 * without it, with it on a new key each time (claim, run, store the result), on a repeated key
 * (the store returns the completed record, which is replayed), and on a repeated key with the
 * local cache. The store is in memory, so this is the protocol's own cost (key and payload
 * hashing, result serialisation and replay); DynamoDB round trips come on top (see the module
 * README for how many).
 *
 * <p>Run with {@code mvn -q -DskipTests -Pjmh verify -Djmh.args="IdempotencyBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IdempotencyBenchmark {

  /** The baseline: Lamina with the time guard, no idempotency. */
  @TimeGuard
  public static final class Plain extends LambdaHandler<Order, Receipt> {
    @Override
    protected Receipt handle(Order order, Invocation invocation) {
      return new Receipt(order.id(), order.items().size(), order.quantity());
    }
  }

  /** The same, idempotent on the request id. */
  @TimeGuard
  @Idempotent(store = InMemoryIdempotencyStore.Provider.class)
  public static final class IdempotentHandler extends LambdaHandler<Order, Receipt> {
    @Override
    protected Receipt handle(Order order, Invocation invocation) {
      return new Receipt(order.id(), order.items().size(), order.quantity());
    }
  }

  /** The same, with the local cache. */
  @TimeGuard
  @dev.lamina.idempotency.Idempotent(
      store = InMemoryIdempotencyStore.Provider.class,
      localCacheSize = 1024)
  public static final class Cached extends LambdaHandler<Order, Receipt> {
    @Override
    protected Receipt handle(Order order, Invocation invocation) {
      return new Receipt(order.id(), order.items().size(), order.quantity());
    }
  }

  private static final byte[] EVENT =
      "{\"id\":\"o-1\",\"items\":[\"a\",\"b\",\"c\"],\"quantity\":7}"
          .getBytes(StandardCharsets.UTF_8);

  private RequestStreamHandler plain;
  private RequestStreamHandler idempotent;
  private RequestStreamHandler repeated;
  private RequestStreamHandler cached;
  private Context sameRequest;
  private long requests;

  @Setup(Level.Iteration)
  public void setUp() throws IOException {
    plain = new Plain();
    idempotent = new IdempotentHandler();
    repeated = new IdempotentHandler();
    cached = new Cached();
    sameRequest = FakeContext.builder().requestId("repeated").timeout(Duration.ofDays(1)).build();
    run(repeated, sameRequest);
    run(cached, sameRequest);
  }

  private Context newRequest() {
    return FakeContext.builder().requestId("r-" + requests++).timeout(Duration.ofDays(1)).build();
  }

  @Benchmark
  public byte[] withoutIdempotency() throws IOException {
    return run(plain, newRequest());
  }

  @Benchmark
  public byte[] newKey() throws IOException {
    return run(idempotent, newRequest());
  }

  @Benchmark
  public byte[] repeatedKey() throws IOException {
    return run(repeated, sameRequest);
  }

  @Benchmark
  public byte[] repeatedKeyFromLocalCache() throws IOException {
    return run(cached, sameRequest);
  }

  private static byte[] run(RequestStreamHandler handler, Context context) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    handler.handleRequest(new ByteArrayInputStream(EVENT), out, context);
    return out.toByteArray();
  }
}
