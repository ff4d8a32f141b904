package dev.lamina.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lamina.core.internal.FeatureScanner;
import dev.lamina.core.internal.HandlerRuntime;
import dev.lamina.core.internal.RequestHandlerTypes;
import dev.lamina.core.internal.TypeArguments;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lamina without the base class: compose a handler, or decorate an existing one, with the same
 * pipeline and features that {@link LambdaHandler} gets from annotations.
 *
 * <pre>{@code
 * public class Orders implements RequestStreamHandler {
 *   private final RequestStreamHandler delegate = Lamina
 *       .handler(Order.class, Receipt.class, (order, invocation) -> receiptFor(order))
 *       .feature(TimeGuardConfig.ofDefaults())
 *       .build();
 *
 *   public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
 *     delegate.handleRequest(in, out, context);
 *   }
 * }
 * }</pre>
 */
public final class Lamina {
  private Lamina() {}

  /**
   * The type arguments a concrete subclass gives a generic base class, resolved through any
   * generic classes between them: for base classes built on {@link LambdaHandler} that need their
   * own type arguments at init (such as a batch handler's record type).
   *
   * @param subclass a concrete subclass of {@code base}; not {@code null}
   * @param base a generic superclass; not {@code null}
   * @return the type arguments of {@code base}, in declaration order
   * @throws PipelineException if one is left unresolved, naming the subclass
   */
  public static Type[] typeArguments(Class<?> subclass, Class<?> base) {
    return TypeArguments.of(
        Objects.requireNonNull(subclass, "subclass"), Objects.requireNonNull(base, "base"));
  }

  /**
   * The {@code I} and {@code O} a class declares for {@link RequestHandler RequestHandler&lt;I,
   * O&gt;}, resolved through generic superclasses and interfaces: for code that runs an existing
   * handler and must read its input as the runtime would.
   *
   * @param handlerClass the class; not {@code null}
   * @return {@code {I, O}}: a class or parameterized type where declared, a type variable or
   *     wildcard where left generic, {@code Object} where raw; {@code null} if the class does not
   *     implement {@code RequestHandler}
   */
  public static Type[] requestHandlerTypes(Class<?> handlerClass) {
    return RequestHandlerTypes.of(Objects.requireNonNull(handlerClass, "handlerClass"));
  }

  /**
   * Starts composing a stream handler around a function.
   *
   * @param inputType the input type (may be generic: pass a {@link Type}); {@code byte[].class}
   *     receives the payload's bytes unchanged
   * @param outputType the output type; {@code Void.class} writes an empty response, {@code
   *     byte[].class} writes the returned bytes unchanged
   * @param body the function; not {@code null}
   * @param <I> the input type
   * @param <O> the output type
   * @return a builder
   */
  public static <I, O> Builder<I, O> handler(
      Type inputType, Type outputType, HandlerFunction<I, O> body) {
    return new Builder<>(inputType, outputType, body, body.getClass());
  }

  /**
   * Starts decorating an existing {@link RequestHandler}: the runtime still (de)serialises its
   * input and output; Lamina adds the log context and the interceptors around it.
   *
   * @param handler the handler to decorate; not {@code null}
   * @param inputType its input type
   * @param outputType its output type
   * @param <I> the input type
   * @param <O> the output type
   * @return a builder; use {@link Builder#buildRequestHandler()}
   */
  public static <I, O> Builder<I, O> decorate(
      RequestHandler<I, O> handler, Type inputType, Type outputType) {
    Objects.requireNonNull(handler, "handler");
    return new Builder<>(
        inputType,
        outputType,
        (input, invocation) -> handler.handleRequest(input, invocation.context()),
        handler.getClass());
  }

  /**
   * Builds a Lamina handler. Not thread-safe; the handlers it builds are.
   *
   * @param <I> the input type
   * @param <O> the output type
   */
  public static final class Builder<I, O> {
    private final Type inputType;
    private final Type outputType;
    private final HandlerFunction<I, O> body;
    private Class<?> handlerClass;
    private final List<FeatureScanner.Link> links = new ArrayList<>();
    private HandlerEnvironment environment;

    private Builder(
        Type inputType, Type outputType, HandlerFunction<I, O> body, Class<?> handlerClass) {
      this.inputType = Objects.requireNonNull(inputType, "inputType");
      this.outputType = Objects.requireNonNull(outputType, "outputType");
      this.body = Objects.requireNonNull(body, "body");
      this.handlerClass = handlerClass;
    }

    /**
     * Adds an interceptor innermost: inside every feature, and inside the interceptors added
     * before it.
     *
     * @param interceptor the interceptor; not {@code null}
     */
    public Builder<I, O> interceptor(Interceptor interceptor) {
      return interceptor(interceptor, Integer.MAX_VALUE);
    }

    /**
     * Adds an interceptor at a place in the chain, as {@link Feature#order()}: lower runs first
     * (further out). At equal order it runs inside the features and the interceptors added before
     * it.
     *
     * @param interceptor the interceptor; not {@code null}
     * @param order its place; Lamina's own features are at 100 (time guard), 200 (configuration)
     *     and 500 (idempotency)
     */
    public Builder<I, O> interceptor(Interceptor interceptor, int order) {
      links.add(FeatureScanner.Link.of(Objects.requireNonNull(interceptor, "interceptor"), order));
      return this;
    }

    /**
     * Switches on a feature given in plain Java, such as {@link TimeGuardConfig}. Its interceptor
     * is created when the handler is built, from the handler's {@link InitContext} (environment,
     * codec, resources), and takes its place by {@link FeatureConfig#order()}, as the feature's
     * annotation would.
     *
     * @param feature the feature's settings; not {@code null}
     */
    public Builder<I, O> feature(FeatureConfig feature) {
      links.add(FeatureScanner.Link.of(Objects.requireNonNull(feature, "feature")));
      return this;
    }

    /**
     * Switches on the feature of a {@link Feature}-annotated annotation, given as an instance
     * (for example read from another class with {@code getAnnotation}). It takes its place by
     * {@link Feature#order()}.
     */
    public Builder<I, O> feature(Annotation feature) {
      Objects.requireNonNull(feature, "feature");
      if (!feature.annotationType().isAnnotationPresent(Feature.class)) {
        throw new PipelineException(
            "[@"
                + feature.annotationType().getName()
                + "] is not a feature: its annotation type must be meta-annotated with @Feature");
      }
      links.add(FeatureScanner.Link.of(feature));
      return this;
    }

    /**
     * Names the class features know the handler by ({@link InitContext#handlerClass()}: the
     * idempotency key namespace, init errors), when the body is a lambda or wrapper whose class
     * is not the function's own. Default: the body's class (or the decorated handler's).
     *
     * @param handlerClass the function's class; not {@code null}
     */
    public Builder<I, O> handlerClass(Class<?> handlerClass) {
      this.handlerClass = Objects.requireNonNull(handlerClass, "handlerClass");
      return this;
    }

    /** Uses this environment instead of {@link HandlerEnvironment#system()}. */
    public Builder<I, O> environment(HandlerEnvironment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** Builds a stream handler that reads and writes JSON with Lamina's codec. */
    public RequestStreamHandler build() {
      HandlerRuntime runtime = runtime(true);
      return runtime::handleStream;
    }

    /** Builds a {@link RequestHandler} for the runtime to (de)serialise. */
    @SuppressWarnings("unchecked")
    public RequestHandler<I, O> buildRequestHandler() {
      HandlerRuntime runtime = runtime(false);
      return (I input, Context context) -> (O) runtime.handleObject(input, context);
    }

    @SuppressWarnings("unchecked")
    private HandlerRuntime runtime(boolean stream) {
      HandlerEnvironment env = environment != null ? environment : HandlerEnvironment.system();
      return new HandlerRuntime(handlerClass, inputType, outputType, env)
          .build(
              FeatureScanner.inChainOrder(links),
              stream,
              (input, invocation) -> body.handle((I) input, invocation));
    }
  }
}
