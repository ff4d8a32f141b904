package dev.lamina.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.core.internal.FeatureScanner;
import dev.lamina.core.internal.HandlerRuntime;
import dev.lamina.core.internal.Pipeline;
import dev.lamina.core.internal.TypeArguments;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.List;

/**
 * The base class of a Lamina function. Extend it, declare the input and output types, implement
 * {@link #handle}, and switch features on with annotations.
 *
 * <p>The Lambda runtime creates the handler once per execution environment; its construction is
 * the init phase. The constructor resolves the input and output types from the subclass's type
 * arguments, reads the {@link Feature feature annotations} and builds an immutable interceptor
 * chain; nothing is read reflectively per invocation. Declare init-once resources (SDK clients,
 * parsed configuration) in field initialisers or the constructor with {@link #resources()}.
 *
 * <p>It implements {@link RequestStreamHandler} and reads and writes JSON itself, so the runtime
 * never loads its own serialisation (hundreds of classes of cold start). Inputs and outputs may
 * be records, POJOs, {@code Map}, {@code JsonNode}, {@code String} or the event classes of
 * {@code aws-lambda-java-events}; an output type of {@link Void} writes an empty response. An
 * input type of {@code byte[]} receives the payload's bytes exactly as they arrived (not parsed),
 * and an output type of {@code byte[]} writes the returned bytes unchanged ({@code null} writes an
 * empty response).
 *
 * <p>An exception thrown by {@code handle} reaches the runtime unchanged, after one structured
 * error log line (one {@code WARN} line without a stack for an {@link ExpectedOutcome}), so Lambda
 * reports its type. {@code handle} may run concurrently on
 * environments that serve several invocations at once: keep per-invocation state on the
 * {@link Invocation}.
 *
 * <pre>{@code
 * @TimeGuard(safetyMarginMillis = 1_000)
 * public class Greeter extends LambdaHandler<Greeter.Request, Greeter.Greeting> {
 *   private static final Logger log = LoggerFactory.getLogger(Greeter.class);
 *
 *   public record Request(String name) {}
 *   public record Greeting(String message) {}
 *
 *   @Override
 *   protected Greeting handle(Request request, Invocation invocation) {
 *     log.info("Greeting {}", request.name());
 *     return new Greeting("Hello, " + request.name() + "!");
 *   }
 * }
 * }</pre>
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public abstract class LambdaHandler<I, O> implements RequestStreamHandler {
  private final HandlerRuntime runtime;

  /** Creates the handler with the real environment (system clock, {@code System.getenv()}). */
  protected LambdaHandler() {
    this(HandlerEnvironment.system());
  }

  /**
   * Creates the handler with the given environment; tests use this to inject a clock,
   * environment variables and a scheduler.
   *
   * @param environment the environment; not {@code null}
   * @throws PipelineException if the type arguments are unresolved or a feature cannot be set up
   */
  protected LambdaHandler(HandlerEnvironment environment) {
    Type[] types = TypeArguments.of(getClass(), LambdaHandler.class);
    this.runtime = new HandlerRuntime(getClass(), types[0], types[1], environment);
    this.runtime.build(
        FeatureScanner.features(getClass(), LambdaHandler.class), true, new Handle());
  }

  /** The end of the chain: {@link #handle}. A class, not a lambda: one bootstrap less at init. */
  private final class Handle implements Pipeline.Terminal {
    @Override
    public Object handle(Object input, Invocation invocation) throws Exception {
      return handleUnchecked(input, invocation);
    }
  }

  @SuppressWarnings("unchecked")
  private Object handleUnchecked(Object input, Invocation invocation) throws Exception {
    return handle((I) input, invocation);
  }

  /**
   * Handles one invocation. Called once per invocation, after the interceptors switched on by
   * annotations (unless one of them short-circuits).
   *
   * @param input the decoded input; {@code null} if the payload was JSON {@code null}
   * @param invocation the invocation's context; never {@code null}
   * @return the result, written as JSON; may be {@code null}
   * @throws Exception any failure; it reaches the Lambda runtime unchanged
   */
  protected abstract O handle(I input, Invocation invocation) throws Exception;

  /**
   * The runtime's entry point: reads the payload, runs the chain and writes the JSON response.
   * Final: override {@link #handle} instead.
   */
  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    runtime.handleStream(input, output, context);
  }

  /** This handler's init-once resources; use during construction. */
  protected final Resources resources() {
    return runtime.resources();
  }

  /** The environment this handler was created with. */
  protected final HandlerEnvironment environment() {
    return runtime.environment();
  }

  /**
   * The codec that reads inputs and writes outputs, for payloads the handler reads itself (an
   * HTTP body, a message inside a message). What it reads is checked by the input validators
   * features registered, such as {@code @Validated}, as the handler's input is.
   */
  protected final PayloadCodec codec() {
    return runtime.checkedCodec();
  }

  /** The interceptors of this handler's chain, outermost first, for diagnostics and tests. */
  public final List<Interceptor> interceptors() {
    return runtime.pipeline().interceptors();
  }
}
