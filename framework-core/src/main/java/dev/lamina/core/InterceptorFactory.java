package dev.lamina.core;

import java.lang.annotation.Annotation;

/**
 * Creates the interceptor for a {@link Feature} annotation, once per handler, during init.
 * Implementations need a public no-arg constructor and should do their expensive set-up (SDK
 * clients, compiled expressions) here, registering long-lived objects with
 * {@link InitContext#resources()}.
 *
 * @param <A> the feature annotation type
 */
@FunctionalInterface
public interface InterceptorFactory<A extends Annotation> {

  /**
   * Creates the interceptor.
   *
   * @param annotation the annotation as found on the handler class; not {@code null}
   * @param context what the handler offers at init; not {@code null}
   * @return the interceptor; not {@code null}
   * @throws LaminaException if the annotation's settings are invalid, with a message naming them
   */
  Interceptor create(A annotation, InitContext context);
}
