package dev.lamina.idempotency;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lamina.core.Interceptor;
import dev.lamina.core.Lamina;
import dev.lamina.core.codec.Codecs;
import dev.lamina.idempotency.internal.IdempotencyInterceptor;
import dev.lamina.idempotency.internal.SyntheticContext;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * Idempotency without the annotation: an interceptor for {@code Lamina.handler(..)} builders, and
 * decorators for code that does not extend {@link dev.lamina.core.LambdaHandler}. Each call builds
 * a new, independent, thread-safe object: call it once, during init, and keep the result.
 *
 * <pre>{@code
 * public class Orders implements RequestHandler<Order, Receipt> {
 *   private final RequestHandler<Order, Receipt> idempotent = Idempotency.decorate(
 *       this::place, Receipt.class,
 *       IdempotencyConfig.custom()
 *           .store(DynamoDbIdempotencyStore.fromEnvironment(System.getenv()))
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
   * The idempotency interceptor, for {@code Lamina.handler(..).interceptor(..)}.
   *
   * @param config the settings; not {@code null}
   * @param handlerClass names the key namespace (with the function name); not {@code null}
   * @param outputType the handler's output type, to read stored results back as
   * @return a new interceptor with its own local cache
   */
  public static Interceptor interceptor(IdempotencyConfig config, Class<?> handlerClass,
      Type outputType) {
    return new IdempotencyInterceptor(Objects.requireNonNull(config, "config"),
        Codecs.standard(), Objects.requireNonNull(outputType, "outputType"),
        Objects.requireNonNull(handlerClass, "handlerClass"));
  }

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
  public static <I, O> RequestHandler<I, O> decorate(RequestHandler<I, O> handler, Type outputType,
      IdempotencyConfig config) {
    Objects.requireNonNull(handler, "handler");
    return Lamina.decorate(handler, Object.class, outputType)
        .interceptor(interceptor(config, handler.getClass(), outputType))
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
  public static <I, O> Function<I, O> decorate(Function<I, O> function, Type outputType,
      IdempotencyConfig config) {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(config, "config");
    if (config.inProgressTimeout() == null) {
      throw new IllegalArgumentException("[inProgressTimeout] is required to decorate a Function:"
          + " without a Lambda context there is no deadline to derive the in-progress expiry from");
    }
    if (config.key() == KeyExtractors.requestId()) {
      throw new IllegalArgumentException("[key] must come from the input to decorate a Function:"
          + " without a Lambda context there is no request id; use KeyExtractors.path(..) or your"
          + " own KeyExtractor");
    }
    RequestHandler<I, O> asHandler = (input, context) -> function.apply(input);
    RequestHandler<I, O> idempotent = Lamina.decorate(asHandler, Object.class, outputType)
        .interceptor(interceptor(config, function.getClass(), outputType))
        .buildRequestHandler();
    Clock clock = Clock.systemUTC();
    return input -> idempotent.handleRequest(input,
        new SyntheticContext(clock, config.inProgressTimeout()));
  }
}
