package dev.lamina.core;

/**
 * The settings of a feature in plain Java: what a {@link Feature} annotation says, as an object
 * that creates the feature's interceptor from the handler's {@link InitContext}. Every Lamina
 * feature has one ({@link TimeGuardConfig}, the configuration and idempotency settings), and its
 * annotation's factory is a thin adapter onto it, so both ways in behave the same.
 *
 * <pre>{@code
 * RequestStreamHandler handler = Lamina.handler(Order.class, Receipt.class, this::place)
 *     .feature(TimeGuardConfig.custom().safetyMargin(Duration.ofSeconds(2)).build())
 *     .build();
 * }</pre>
 *
 * <p>Implementations are immutable settings: they hold no clients, stores or threads; those are
 * made by {@link #createInterceptor(InitContext)}, once per handler, during init, and registered
 * with {@link InitContext#resources()} where they must be primed or re-created around a SnapStart
 * checkpoint. A config may be given to several builders: it must be immutable and thread-safe,
 * and each call of {@link #createInterceptor} returns a new interceptor. Interceptors are
 * created in chain order, outermost first.
 */
public interface FeatureConfig {

  /**
   * Position in the chain, as {@link Feature#order()}: lower runs first (further out). The same
   * number as the feature's annotation, so a feature lands in the same place either way.
   *
   * @return the order
   */
  int order();

  /**
   * Creates the feature's interceptor. Called once per handler, during init.
   *
   * @param context what the handler offers at init; not {@code null}
   * @return the interceptor; not {@code null}
   * @throws LaminaException if the settings do not fit the handler or its environment, naming
   *     every problem at once
   */
  Interceptor createInterceptor(InitContext context);
}
