package dev.lamina.test.eventsource;

import dev.lamina.test.InvocationResult;
import dev.lamina.test.LocalLambda;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * How a local event source mapping invokes the function it feeds: with the event's JSON and the
 * function's timeout, answering with what the runtime posted back. {@link #of(LocalLambda)} wires
 * in a function running under the real runtime interface client, which is what a test normally
 * wants; a lambda expression can stand in for it in tests of the mapping itself.
 *
 * <p>Implementations must be thread-safe; a mapping calls it from its own poller thread, one
 * invocation at a time. The future may complete exceptionally (the function's JVM died, say); the
 * mapping then treats the batch as failed, as Lambda does after a runtime crash.
 *
 * <pre>{@code
 * FunctionInvoker function = FunctionInvoker.of(lambda);
 * }</pre>
 */
@FunctionalInterface
public interface FunctionInvoker {

  /**
   * Sends one event and returns at once.
   *
   * @param event the event's JSON, never {@code null}
   * @param timeout the function's timeout: the deadline the function sees
   * @return completes with the runtime's response or error; never {@code null}
   */
  CompletableFuture<InvocationResult> invoke(String event, Duration timeout);

  /** Invokes {@code lambda} with {@link LocalLambda#invokeAsync(String, Duration)}. */
  static FunctionInvoker of(LocalLambda lambda) {
    Objects.requireNonNull(lambda, "lambda");
    return lambda::invokeAsync;
  }
}
