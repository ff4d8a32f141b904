package dev.lamina.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an annotation as a Lamina feature switch: placed on a {@link LambdaHandler} subclass,
 * the annotation adds the interceptor that {@link #value() its factory} creates. This is how
 * {@code @TimeGuard}, {@code @Idempotent} and the other modules plug in, so core knows nothing
 * of them, and a team can add its own annotation the same way.
 *
 * <p>Feature annotations are read once, when the handler is constructed (the init phase);
 * nothing is read per invocation. Interceptors are ordered by {@link #order()}, lower first
 * (outermost), then by annotation name. Every feature has a plain-Java form, a
 * {@link FeatureConfig} with the same order, for {@link Lamina#handler Lamina's builders}; the
 * factory of a feature's annotation is best written as a thin adapter onto it.
 *
 * <pre>{@code
 * @Retention(RetentionPolicy.RUNTIME)
 * @Target(ElementType.TYPE)
 * @Feature(value = AuditFactory.class, order = 800)
 * public @interface Audited { String topic(); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Feature {

  /** The factory that turns the annotation into an interceptor; needs a no-arg constructor. */
  @SuppressWarnings("rawtypes")
  Class<? extends InterceptorFactory> value();

  /**
   * Position in the chain: lower runs first (further out). Lamina's own features: metrics 40,
   * HTTP problems 50 (on by default for HTTP event handlers), time guard 100, configuration 200,
   * input validation 300, idempotency 500; the default, 1000, puts a feature inside all of them. The log context is not a feature: it always runs outermost, before any order (and, for
   * stream handlers, the response encoder right inside it), so every feature logs with the
   * invocation's context.
   */
  int order() default 1000;
}
