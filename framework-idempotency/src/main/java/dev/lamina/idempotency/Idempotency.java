package dev.lamina.idempotency;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lamina.core.Invocation;
import dev.lamina.core.Lamina;
import dev.lamina.idempotency.internal.HandlerTypes;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * Idempotency for code that does not extend {@link dev.lamina.core.LambdaHandler}: decorators
 * for an existing {@link RequestHandler} or a plain {@link Function}. (With {@code
 * Lamina.handler(..)} builders, add the {@link IdempotencyConfig} itself as a feature.) Each call builds
 * a new, independent, thread-safe object: call it once, during init, and keep the result.
 *
 * <p>Keys are namespaced by function name and handler class. A lambda or method reference
 * ({@code Idempotency.decorate(this::place, ..)}) is a generated class whose name changes on every
 * JVM start, so its configuration must set {@link IdempotencyConfig.Builder#namespace(String)};
 * without one, decorating fails at init and says so.
 *
 * <pre>{@code
 * public class Orders implements RequestHandler<Order, Receipt> {
 *   private final RequestHandler<Order, Receipt> idempotent = Idempotency.decorate(
 *       this::place, Receipt.class,
 *       IdempotencyConfig.custom()
 *           .namespace("orders")   // this::place is a lambda: its class name is not stable
 *           .key(KeyExtractors.path("/orderId"))
 *           .build());
 *
 *   public Receipt handleRequest(Order order, Context context) {
 *     return idempotent.handleRequest(order, context);
 *   }
 *
 *   private Receipt place(Order order, Context context) { ... }
 * }
 * }</pre>
 */
public final class Idempotency {
  private Idempotency() {}

  /**
   * Makes a {@link RequestHandler} idempotent. The Lambda runtime still (de)serialises its input
   * and output; the deadline and request id come from its {@code Context}. The handler's own
   * exceptions reach the caller unchanged.
   *
   * @param handler the handler; not {@code null}
   * @param outputType its output type
   * @param config the settings
   * @param <I> the input type
   * @param <O> the output type
   * @return the idempotent handler
   */
  public static <I, O> RequestHandler<I, O> decorate(
      RequestHandler<I, O> handler, Type outputType, IdempotencyConfig config) {
    Objects.requireNonNull(handler, "handler");
    Type inputType = HandlerTypes.requestHandlerTypes(handler.getClass())[0];
    return Lamina.decorate(handler, inputType, outputType)
        .feature(Objects.requireNonNull(config, "config"))
        .buildRequestHandler();
  }

  /**
   * Makes a plain {@link Function} idempotent, outside Lambda or without its context. There is no
   * request id and no deadline, so the configuration must take the key from the input (not
   * {@link KeyExtractors#requestId()}) and set {@link IdempotencyConfig.Builder#inProgressTimeout}.
   *
   * @param function the function; not {@code null}
   * @param outputType its output type
   * @param config the settings
   * @param <I> the input type
   * @param <O> the output type
   * @return the idempotent function
   * @throws IllegalArgumentException if the key is the request id or no in-progress timeout is set
   */
  public static <I, O> Function<I, O> decorate(
      Function<I, O> function, Type outputType, IdempotencyConfig config) {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(config, "config");
    if (config.inProgressTimeout() == null) {
      throw new IllegalArgumentException(
          "[inProgressTimeout] is required to decorate a Function:"
              + " without a Lambda context there is no deadline to derive the in-progress expiry from");
    }
    if (config.key() == KeyExtractors.requestId()) {
      throw new IllegalArgumentException(
          "[key] must come from the input to decorate a Function:"
              + " without a Lambda context there is no request id; use KeyExtractors.path(..) or your"
              + " own KeyExtractor");
    }
    RequestHandler<I, O> asHandler = (input, context) -> function.apply(input);
    RequestHandler<I, O> idempotent =
        Lamina.decorate(asHandler, Object.class, outputType)
            .handlerClass(function.getClass())
            .feature(config)
            .buildRequestHandler();
    Clock clock = Clock.systemUTC();
    return input ->
        idempotent.handleRequest(
            input, Invocation.detached(clock, config.inProgressTimeout()).context());
  }
}
