package dev.lamina.idempotency;

import dev.lamina.core.Feature;
import dev.lamina.idempotency.internal.IdempotentFactory;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@link dev.lamina.core.LambdaHandler} idempotent: its {@code handle} runs once per key,
 * and every duplicate gets the first result (see {@link IdempotencyConfig} for the protocol and
 * each setting). Read once at init; an invalid setting fails the init with one message listing
 * every problem.
 *
 * <p>By default the store is DynamoDB, configured from environment variables: {@code
 * LAMINA_IDEMPOTENCY_TABLE} (or {@link #table()}), {@code AWS_REGION}, the function's credentials,
 * and, for local runs only, {@code LAMINA_IDEMPOTENCY_ENDPOINT}. It sits at order {@value IdempotencyConfig#ORDER} in the
 * chain: inside the log context and the time guard, outside features of the default order.
 *
 * <p>The plain-Java equivalent is {@link IdempotencyConfig}, given to {@code
 * Lamina.handler(..).feature(..)}, or the decorators in {@link Idempotency}.
 *
 * <pre>{@code
 * @Idempotent(key = "/body/orderId", expirySeconds = 6 * 3600)
 * public class PlaceOrder extends LambdaHandler<APIGatewayProxyRequestEvent, Receipt> { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Feature(value = IdempotentFactory.class, order = IdempotencyConfig.ORDER)
public @interface Idempotent {

  /**
   * The key: empty (the default) or {@code requestId} for the Lambda request id, {@code
   * header:Idempotency-Key} for an HTTP header, or a path such as {@code /body/orderId} (see
   * {@link KeyExtractors}).
   */
  String key() default "";

  /** A key extractor class (public, no-arg constructor) used instead of {@link #key()}. */
  Class<? extends KeyExtractor> keyExtractor() default KeyExtractor.class;

  /** What a missing key does. */
  MissingKeyPolicy missingKey() default MissingKeyPolicy.FAIL;

  /** The DynamoDB table; empty reads {@code LAMINA_IDEMPOTENCY_TABLE}. */
  String table() default "";

  /** How long a completed record counts, in seconds. */
  long expirySeconds() default 3600;

  /** Subtracted from the deadline for the in-progress expiry, in milliseconds. */
  long inProgressMarginMillis() default 0;

  /** How long a duplicate waits for an in-progress record; 0 fails fast. */
  long waitForInProgressMillis() default 0;

  /** Whether the payload hash is stored and checked. */
  boolean validatePayload() default true;

  /**
   * The part of the input validated (a path); empty validates what the caller sent, which depends
   * on the input type (the HTTP method, path and body of an API Gateway event, an SQS message's
   * body, ...; see {@link IdempotencyConfig}).
   */
  String validatePath() default "";

  /** Completed records kept in memory per execution environment; 0 turns the cache off. */
  int localCacheSize() default 0;

  /** Replaces the function-and-handler namespace; empty keeps it. */
  String namespace() default "";

  /**
   * Time a waiting duplicate keeps in reserve before its deadline, in milliseconds, so it can
   * still run if it ends up claiming the key (the time guard's margin counts too).
   */
  long minimumRunTimeMillis() default 0;

  /**
   * Scopes keys to the authenticated caller of an HTTP event (see {@link
   * IdempotencyConfig.Builder#scopeToCaller(boolean)}); for client-chosen keys.
   */
  boolean scopeToCaller() default false;

  /** Creates the store instead of the default DynamoDB-from-environment one. */
  Class<? extends IdempotencyStoreProvider> store() default IdempotencyStoreProvider.class;
}
