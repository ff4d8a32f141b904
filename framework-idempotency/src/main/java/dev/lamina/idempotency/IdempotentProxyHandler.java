package dev.lamina.idempotency;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.HandlerFunction;
import dev.lamina.core.Lamina;
import dev.lamina.core.internal.EnvironmentReader;
import dev.lamina.idempotency.internal.HandlerTypes;
import dev.lamina.idempotency.internal.ProxySettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;

/**
 * Makes an existing function idempotent with configuration only: set the function's handler to
 * {@code dev.lamina.idempotency.IdempotentProxyHandler::handleRequest}, name the original handler in
 * {@code LAMINA_IDEMPOTENCY_HANDLER}, and add Lamina as a layer. The original jar is unchanged.
 *
 * <p>At init the proxy reads its settings from the environment (all at once, one error listing
 * every problem), loads the original handler class and creates it with its no-arg constructor.
 * It supports {@link RequestHandler RequestHandler&lt;I, O&gt;} (the input is read as the declared
 * {@code I} and the output written as JSON by Lamina's codec, which reads the {@code
 * aws-lambda-java-events} classes as the runtime does) and {@link RequestStreamHandler}, which
 * gets its input bytes exactly as they arrived (large and exact decimals stay exact) and whose
 * output, JSON or not, is stored and replayed byte for byte. Keys and validation read a stream
 * handler's input as JSON when it is JSON; a non-JSON input is validated by its exact bytes and
 * can be keyed by the request id only.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_HANDLER}</td><td>required: {@code com.example.Handler} or
 *       {@code com.example.Handler::handleRequest}; the older name {@code
 *       LAMINA_IDEMPOTENT_HANDLER} is still read, with a deprecation warning</td></tr>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_TABLE}</td><td>required: the DynamoDB table</td></tr>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_KEY}</td><td>{@code requestId} (default), {@code
 *       header:Idempotency-Key}, or a path such as {@code /body/orderId}</td></tr>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_MISSING_KEY}</td><td>{@code FAIL} (default) or {@code
 *       PASS_THROUGH}</td></tr>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_EXPIRY_SECONDS}</td><td>default 3600</td></tr>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_IN_PROGRESS_MARGIN_MILLIS}</td><td>default 0</td></tr>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_WAIT_MILLIS}</td><td>default 0 (fail fast)</td></tr>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_VALIDATE}</td><td>{@code true} (default), {@code false}, or
 *       a path to validate only that part</td></tr>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_CACHE_SIZE}</td><td>default 0 (off)</td></tr>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_MIN_RUN_MILLIS}</td><td>default 0: time a waiting
 *       duplicate keeps to run in</td></tr>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_SCOPE_TO_CALLER}</td><td>{@code false} (default) or {@code
 *       true}: scope keys to the authenticated HTTP caller</td></tr>
 *   <tr><td>{@code LAMINA_IDEMPOTENCY_ENDPOINT}</td><td>local runs only: DynamoDB Local's URL</td></tr>
 * </table>
 *
 * <p>Thread-safe; created once per execution environment by the runtime.
 *
 * <pre>{@code
 * # SAM: the existing function, now idempotent on its orderId
 * Handler: dev.lamina.idempotency.IdempotentProxyHandler::handleRequest
 * Layers: [!Ref LaminaLayer]
 * Environment:
 *   Variables:
 *     LAMINA_IDEMPOTENCY_HANDLER: com.example.PlaceOrder::handleRequest
 *     LAMINA_IDEMPOTENCY_TABLE: !Ref IdempotencyTable
 *     LAMINA_IDEMPOTENCY_KEY: /orderId
 * }</pre>
 */
public final class IdempotentProxyHandler implements RequestStreamHandler {
  private final RequestStreamHandler delegate;

  /** Created by the Lambda runtime: reads {@code System.getenv()}. */
  public IdempotentProxyHandler() {
    this(HandlerEnvironment.system());
  }

  /**
   * Creates the proxy with the given environment (tests).
   *
   * @param environment the environment; not {@code null}
   * @throws IdempotencyException if a setting is missing or bad, or the original handler cannot be
   *     loaded, naming each problem
   */
  public IdempotentProxyHandler(HandlerEnvironment environment) {
    // Every missing or bad variable in one message, before anything is loaded: one failed cold
    // start, not five.
    EnvironmentReader env = new EnvironmentReader(environment.variables());
    ProxySettings settings = ProxySettings.read(env);
    if (env.hasProblems()) {
      throw new IdempotencyException(env.describeProblems("Idempotent proxy handler cannot start"));
    }
    Object original =
        settings.instantiateHandler(
            Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader()
                : IdempotentProxyHandler.class.getClassLoader());
    // The store's client becomes an init-once resource of the handler Lamina builds, as with
    // @Idempotent: primed before a checkpoint, re-created after a restore.
    IdempotencyConfig config = settings.config();
    this.delegate =
        original instanceof RequestHandler
            ? forRequestHandler((RequestHandler<?, ?>) original, config, environment)
            : forStreamHandler((RequestStreamHandler) original, config, environment);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static RequestStreamHandler forRequestHandler(
      RequestHandler<?, ?> original, IdempotencyConfig config, HandlerEnvironment environment) {
    Type[] types = HandlerTypes.requestHandlerTypes(original.getClass());
    RequestHandler raw = original;
    return Lamina.handler(
            types[0],
            types[1],
            (input, invocation) -> raw.handleRequest(input, invocation.context()))
        .handlerClass(original.getClass())
        .environment(environment)
        .feature(config)
        .build();
  }

  private static RequestStreamHandler forStreamHandler(
      RequestStreamHandler original, IdempotencyConfig config, HandlerEnvironment environment) {
    // Raw bytes in and out: the original handler reads exactly what Lambda sent, and its output
    // is stored and replayed exactly, whatever it is.
    HandlerFunction<byte[], byte[]> body =
        (input, invocation) -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          original.handleRequest(new ByteArrayInputStream(input), out, invocation.context());
          return out.toByteArray();
        };
    return Lamina.handler(byte[].class, byte[].class, body)
        .handlerClass(original.getClass())
        .environment(environment)
        .feature(config)
        .build();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    delegate.handleRequest(input, output, context);
  }
}
