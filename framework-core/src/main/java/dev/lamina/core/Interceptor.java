package dev.lamina.core;

/**
 * The one "around" plug-in point of Lamina's invocation pipeline.
 *
 * <p>An interceptor sees the invocation, may call {@link Chain#proceed()} at most once to run the
 * rest of the chain (and in the end the handler), and returns a result. Returning without
 * calling {@code proceed()} short-circuits the chain: the handler does not run and the returned
 * value becomes the response, as idempotency does for a stored result. A second call to
 * {@code proceed()} is rejected with a {@link PipelineException} that names the interceptor.
 *
 * <p>Interceptors are created once per execution environment, during init, and shared by every
 * invocation: they must be thread-safe and keep per-invocation state on the {@link Invocation}
 * (see {@link Invocation#attribute(AttributeKey)}), not in fields.
 *
 * <pre>{@code
 * Interceptor timing = chain -> {
 *   long start = System.nanoTime();
 *   try {
 *     return chain.proceed();
 *   } finally {
 *     log.info("took {} us", (System.nanoTime() - start) / 1_000);
 *   }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Interceptor {

  /**
   * Runs around the rest of the chain.
   *
   * @param chain this interceptor's view of the chain; valid only during this call
   * @return the result: usually what {@code chain.proceed()} returned; may be {@code null}
   * @throws Exception to fail the invocation; the handler's own exceptions should be rethrown
   *     unchanged
   */
  Object intercept(Chain chain) throws Exception;

  /**
   * A name for messages and logs. Defaults to the class name; lambdas should be given a name by
   * wrapping them with {@link #named(String, Interceptor)}.
   *
   * @return a short, human-readable name; never {@code null}
   */
  default String name() {
    return getClass().getName();
  }

  /**
   * Gives an interceptor (typically a lambda) a name for messages and logs.
   *
   * @param name the name; not {@code null}
   * @param interceptor the interceptor to name; not {@code null}
   * @return an interceptor that delegates to {@code interceptor} and reports {@code name}
   */
  static Interceptor named(String name, Interceptor interceptor) {
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(interceptor, "interceptor");
    return new Interceptor() {
      @Override
      public Object intercept(Chain chain) throws Exception {
        return interceptor.intercept(chain);
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /**
   * One interceptor's view of the chain for one invocation. Not thread-safe: use it on the
   * thread that called {@link Interceptor#intercept(Chain)}.
   */
  interface Chain {

    /** The invocation being handled; never {@code null}. */
    Invocation invocation();

    /**
     * The decoded input, read from the payload on first use. An interceptor that short-circuits
     * without calling this never pays for decoding.
     *
     * @return the input as the handler's declared input type; may be {@code null}
     * @throws dev.lamina.core.codec.CodecException if the payload cannot be read as that type
     */
    Object input();

    /**
     * Runs the rest of the chain and returns its result. May be called at most once.
     *
     * @return the result of the inner interceptors and the handler; may be {@code null}
     * @throws PipelineException if this interceptor already called {@code proceed()}
     * @throws Exception whatever the inner interceptors or the handler threw, unchanged
     */
    Object proceed() throws Exception;
  }
}
