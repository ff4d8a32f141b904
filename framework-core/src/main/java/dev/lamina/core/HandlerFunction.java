package dev.lamina.core;

/**
 * A function body for Lamina's pipeline, for code that does not extend {@link LambdaHandler}:
 * see {@link Lamina#handler(java.lang.reflect.Type, java.lang.reflect.Type, HandlerFunction)}.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface HandlerFunction<I, O> {

  /**
   * Handles one invocation.
   *
   * @param input the decoded input; may be {@code null} if the payload was JSON {@code null}
   * @param invocation the invocation's context; never {@code null}
   * @return the result; may be {@code null}
   * @throws Exception any failure; it reaches the Lambda runtime unchanged
   */
  O handle(I input, Invocation invocation) throws Exception;
}
