package dev.lamina.core.internal;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.Invocation;
import dev.lamina.core.LaminaException;
import dev.lamina.core.Resources;
import dev.lamina.core.codec.Codecs;
import dev.lamina.core.codec.InputValidationException;
import dev.lamina.core.codec.InputValidator;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.core.http.HttpProblems;
import dev.lamina.core.http.HttpProblemsConfig;
import dev.lamina.core.internal.http.HttpFamily;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine behind {@code LambdaHandler} and {@code Lamina}'s builders: everything created once
 * at init (codec, resources, pipeline) and the per-invocation entry points. Thread-safe.
 */
public final class HandlerRuntime implements InitContext {
  private static final byte[] EMPTY = new byte[0];
  private static final byte[] EMPTY_OBJECT = {'{', '}'};

  private final Class<?> handlerClass;
  private final Type inputType;
  private final Type outputType;
  private final HandlerEnvironment environment;
  private final Resources resources;
  private final PayloadCodec codec;
  private final boolean onDemand;
  private final AtomicBoolean firstInvocation = new AtomicBoolean(true);
  private final AtomicBoolean restorePending = new AtomicBoolean();
  private volatile Pipeline pipeline;
  private final List<InputValidator> validators = new CopyOnWriteArrayList<>();
  private volatile PayloadCodec checkedCodec;

  /**
   * Creates the runtime; call {@link #build} to assemble the pipeline.
   */
  public HandlerRuntime(
      Class<?> handlerClass, Type inputType, Type outputType, HandlerEnvironment environment) {
    this.handlerClass = handlerClass;
    this.inputType = inputType;
    this.outputType = outputType;
    this.environment = environment;
    this.resources = new Resources(environment.checkpointRegistry());
    // The codec is an init-once resource like any other: before a SnapStart checkpoint it reads
    // (and writes back) an empty object of the input type, so the snapshot already holds that
    // type's introspection and the first invocation after a restore does not pay for it.
    PayloadCodec created = Codecs.standard();
    this.codec =
        resources
            .define("lamina-codec", new Fixed<>(created))
            .primeWith(new CodecPrimer())
            .onRestore(new RestoreMarker())
            .create()
            .get();
    String initType =
        new EnvironmentReader(environment.variables()).get("AWS_LAMBDA_INITIALIZATION_TYPE");
    this.onDemand = initType == null || "on-demand".equals(initType);
  }

  /**
   * Assembles the chain: the log context, then (for stream handlers) the response encoder, then
   * the interceptors of {@code links} in the order given, then the handler. A handler of an HTTP
   * event pair that does not declare {@link HttpProblems} gets its defaults, outermost of the
   * features.
   *
   * @param links feature annotations, feature configs and interceptors added in code, in chain
   *     order
   * @param encodeResponse whether results are written as JSON bytes (stream handlers)
   * @param terminal the handler
   */
  public HandlerRuntime build(
      List<FeatureScanner.Link> links, boolean encodeResponse, Pipeline.Terminal terminal) {
    List<Interceptor> chain = new ArrayList<>();
    chain.add(new LogContextInterceptor());
    if (encodeResponse) {
      chain.add(new ResponseEncoder());
    }
    chain.addAll(FeatureScanner.interceptors(withHttpProblems(links), this));
    this.pipeline = new Pipeline(chain, terminal);
    return this;
  }

  /** The links, with HTTP problems on by default for handlers of an HTTP event pair. */
  private List<FeatureScanner.Link> withHttpProblems(List<FeatureScanner.Link> links) {
    if (HttpFamily.of(inputType, outputType) == null) {
      return links;
    }
    for (FeatureScanner.Link link : links) {
      if (link.isFeature(HttpProblems.class, HttpProblemsConfig.class)) {
        return links;
      }
    }
    List<FeatureScanner.Link> with = new ArrayList<>(links);
    with.add(FeatureScanner.Link.of(HttpProblemsConfig.ofDefaults()));
    return FeatureScanner.inChainOrder(with);
  }

  private void primeCodec(PayloadCodec c) {
    if (inputType == byte[].class) {
      return; // raw payloads are never decoded
    }
    try {
      Object sample = c.read(EMPTY_OBJECT, inputType);
      if (sample != null) {
        c.writeBytes(sample);
      }
    } catch (LaminaException e) {
      // Input types that do not read from an object (String, numbers, lists): nothing to warm.
    }
  }

  private Object encode(Interceptor.Chain chain) throws Exception {
    Object result = chain.proceed();
    if (outputType == Void.class) {
      return EMPTY;
    }
    if (outputType == byte[].class) {
      // Raw output: the handler's bytes, unchanged.
      return result == null ? EMPTY : result;
    }
    return codec.writeBytes(result);
  }

  /** The assembled pipeline. */
  public Pipeline pipeline() {
    return pipeline;
  }

  /** Reads the payload, runs the chain, writes the JSON response. */
  public void handleStream(InputStream in, OutputStream out, Context context) throws IOException {
    byte[] payload = in.readAllBytes();
    Invocation invocation = newInvocation(context);
    Object result;
    try {
      result =
          pipeline.run(
              invocation, new Decode(payload)); // raw input (byte[]): the bytes as they arrived
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw Sneaky.rethrow(e);
    }
    out.write((byte[]) result);
    out.flush();
  }

  /** Runs the chain on an already decoded input (the decorator path). */
  public Object handleObject(Object input, Context context) {
    try {
      return pipeline.run(newInvocation(context), new Decoded(input));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw Sneaky.rethrow(e);
    }
  }

  private Object validated(Object input) {
    if (input != null && !validators.isEmpty()) {
      validate(input, inputType);
    }
    return input;
  }

  /**
   * Runs every registered validator, so the violations of all are reported in one exception.
   */
  private void validate(Object value, Type type) {
    if (value == null || validators.isEmpty()) {
      return;
    }
    List<InputValidationException.Violation> violations = null;
    String target = null;
    for (InputValidator v : validators) {
      try {
        v.validate(value, type);
      } catch (InputValidationException e) {
        if (violations == null) {
          violations = new ArrayList<>();
          target = e.targetType();
        }
        violations.addAll(e.violations());
      }
    }
    if (violations != null) {
      throw new InputValidationException(target, violations);
    }
  }

  /**
   * The codec for the handler's own code ({@code LambdaHandler.codec()}): the handler's codec,
   * whose reads are checked by every registered validator, so a batch handler's records and an
   * HTTP handler's bodies are validated as the input is. Sees validators registered later.
   */
  public PayloadCodec checkedCodec() {
    PayloadCodec c = checkedCodec;
    if (c == null) {
      c = new CheckedCodec();
      checkedCodec = c;
    }
    return c;
  }

  /** The handler's codec, with every value it reads checked by the registered validators. */
  private final class CheckedCodec implements PayloadCodec {
    @Override
    public <T> T read(InputStream in, Type type) {
      T value = codec.read(in, type);
      validate(value, type);
      return value;
    }

    @Override
    public <T> T read(byte[] json, Type type) {
      T value = codec.read(json, type);
      validate(value, type);
      return value;
    }

    @Override
    public void write(OutputStream out, Object value) {
      codec.write(out, value);
    }

    @Override
    public byte[] writeBytes(Object value) {
      return codec.writeBytes(value);
    }

    @Override
    public String toString() {
      return codec + " (inputs checked)";
    }
  }

  @Override
  public void addInputValidator(InputValidator validator) {
    validators.add(java.util.Objects.requireNonNull(validator, "validator"));
  }

  private Invocation newInvocation(Context context) {
    boolean cold = firstInvocation.compareAndSet(true, false) && onDemand;
    boolean restored = restorePending.get() && restorePending.compareAndSet(true, false);
    return new Invocation(context, environment.clock(), cold, restored);
  }

  // Named classes instead of lambdas on the init and invocation paths: each lambda costs a
  // bootstrap (a generated class) the first time it is evaluated, at cold start.

  /** A value made before its resource was declared. */
  private static final class Fixed<T> implements java.util.function.Supplier<T> {
    private final T value;

    Fixed(T value) {
      this.value = value;
    }

    @Override
    public T get() {
      return value;
    }
  }

  /** Primes the codec before a checkpoint. */
  private final class CodecPrimer implements java.util.function.Consumer<PayloadCodec> {
    @Override
    public void accept(PayloadCodec c) {
      primeCodec(c);
    }
  }

  /** Writes the chain's result as the response bytes (stream handlers). */
  private final class ResponseEncoder implements Interceptor {
    @Override
    public Object intercept(Chain chain) throws Exception {
      return encode(chain);
    }

    @Override
    public String name() {
      return "ResponseEncoder";
    }

    @Override
    public String toString() {
      return name();
    }
  }

  /** Decodes (and checks) the payload on first use; raw payloads are given as they arrived. */
  private final class Decode implements java.util.function.Supplier<Object> {
    private final byte[] payload;

    Decode(byte[] payload) {
      this.payload = payload;
    }

    @Override
    public Object get() {
      return inputType == byte[].class ? payload : validated(codec.read(payload, inputType));
    }
  }

  /** An input the runtime already decoded (the decorator path), checked on first use. */
  private final class Decoded implements java.util.function.Supplier<Object> {
    private final Object input;

    Decoded(Object input) {
      this.input = input;
    }

    @Override
    public Object get() {
      return validated(input);
    }
  }

  /**
   * Marks the next invocation as the first after a SnapStart restore. A class, not a lambda:
   * init pays no bootstrap for it.
   */
  private final class RestoreMarker implements java.util.function.Consumer<PayloadCodec> {
    @Override
    public void accept(PayloadCodec ignored) {
      restorePending.set(true);
    }
  }

  @Override
  public Class<?> handlerClass() {
    return handlerClass;
  }

  @Override
  public Type inputType() {
    return inputType;
  }

  @Override
  public Type outputType() {
    return outputType;
  }

  @Override
  public PayloadCodec codec() {
    return codec;
  }

  @Override
  public HandlerEnvironment environment() {
    return environment;
  }

  @Override
  public Resources resources() {
    return resources;
  }
}
