package dev.lamina.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.config.Config;
import dev.lamina.config.Configs;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.TimeGuard;
import dev.lamina.test.FakeContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-invocation cost of Lamina's pipeline: the same JSON-in, JSON-out function written as a bare
 * {@link RequestStreamHandler} with one shared {@link ObjectMapper}, and as a
 * {@link LambdaHandler} with the time guard on (log context, response encoding, watchdog
 * scheduled and cancelled), and with {@code @Config} too (the max-age check and handing the
 * values to the invocation). The differences are what Lamina adds to each warm invocation.
 *
 * <p>Run with {@code mvn -q -DskipTests -Pjmh verify} from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PipelineBenchmark {

  /** The input. */
  public record Order(String id, List<String> items, int quantity) {}

  /** The output. */
  public record Receipt(String orderId, int lines, int quantity) {}

  /** The function without Lamina. */
  public static final class Bare implements RequestStreamHandler {
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context)
        throws IOException {
      Order order = json.readValue(in, Order.class);
      json.writeValue(out, new Receipt(order.id(), order.items().size(), order.quantity()));
    }
  }

  /** The function with Lamina. */
  @TimeGuard
  public static final class WithLamina extends LambdaHandler<Order, Receipt> {
    @Override
    protected Receipt handle(Order order, Invocation invocation) {
      return new Receipt(order.id(), order.items().size(), order.quantity());
    }
  }

  /** Configuration read from the environment. */
  public record Settings(int maxItems, String currency) {}

  /** The function with Lamina and configuration. */
  @TimeGuard
  @Config(Settings.class)
  public static final class WithConfig extends LambdaHandler<Order, Receipt> {
    public WithConfig(HandlerEnvironment environment) {
      super(environment);
    }

    @Override
    protected Receipt handle(Order order, Invocation invocation) {
      Settings settings = Configs.get(invocation, Settings.class);
      return new Receipt(
          order.id(), Math.min(order.items().size(), settings.maxItems()), order.quantity());
    }
  }

  private static final byte[] EVENT =
      "{\"id\":\"o-1\",\"items\":[\"a\",\"b\",\"c\"],\"quantity\":7}"
          .getBytes(StandardCharsets.UTF_8);

  private RequestStreamHandler bare;
  private RequestStreamHandler lamina;
  private RequestStreamHandler withConfig;
  private Context context;

  @Setup
  public void setUp() {
    bare = new Bare();
    lamina = new WithLamina();
    withConfig =
        new WithConfig(
            HandlerEnvironment.builder()
                .variables(Map.of("MAX_ITEMS", "10", "CURRENCY", "EUR"))
                .build());
    context = FakeContext.builder().timeout(Duration.ofDays(1)).build();
  }

  @Benchmark
  public byte[] bareStreamHandler() throws IOException {
    return run(bare);
  }

  @Benchmark
  public byte[] laminaHandler() throws IOException {
    return run(lamina);
  }

  @Benchmark
  public byte[] laminaHandlerWithConfig() throws IOException {
    return run(withConfig);
  }

  private byte[] run(RequestStreamHandler handler) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    handler.handleRequest(new ByteArrayInputStream(EVENT), out, context);
    return out.toByteArray();
  }
}
