package dev.lamina.validation.internal;

import dev.lamina.core.Interceptor;

/**
 * Decodes the input here, at the feature's place in the chain, so the validators Lamina runs on
 * every decoded input reject an invalid one before inner features (idempotency) do any work.
 */
public final class ValidationInterceptor implements Interceptor {
  @Override
  public Object intercept(Chain chain) throws Exception {
    chain.input();
    return chain.proceed();
  }

  @Override
  public String name() {
    return "Validation";
  }
}
