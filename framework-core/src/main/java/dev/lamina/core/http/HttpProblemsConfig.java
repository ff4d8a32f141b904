package dev.lamina.core.http;

import dev.lamina.core.FeatureConfig;
import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.LaminaException;
import dev.lamina.core.internal.http.HttpFamily;
import dev.lamina.core.internal.http.HttpProblemsInterceptor;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of the HTTP problems feature; the plain-Java form of {@link HttpProblems}. Immutable.
 * Handlers of HTTP event pairs get {@link #ofDefaults()} without asking; give this to {@code
 * Lamina.handler(..).feature(..)} to register a mapper or to switch it off.
 *
 * <pre>{@code
 * RequestStreamHandler handler = Lamina
 *     .handler(APIGatewayProxyRequestEvent.class, APIGatewayProxyResponseEvent.class, this::handle)
 *     .feature(HttpProblemsConfig.custom().mapper(new PaymentProblems()).build())
 *     .build();
 * }</pre>
 */
public final class HttpProblemsConfig implements FeatureConfig {
  /**
   * The chain position, {@value}: outside every other feature (the time guard is at 100), just
   * inside the log context, so it answers for failures of any of them.
   */
  public static final int ORDER = 50;

  /**
   * The environment variable that switches the feature off for a function: {@code off} (or
   * {@code false}); {@code on}, {@code true} or unset leave it as the code says.
   */
  public static final String ENVIRONMENT_VARIABLE = "LAMINA_HTTP_PROBLEMS";

  private final boolean enabled;
  private final ProblemMapper mapper;

  private HttpProblemsConfig(Builder b) {
    this.enabled = b.enabled;
    this.mapper = b.mapper;
  }

  /**
   * The defaults: on, without a mapper.
   *
   * @return the settings
   */
  public static HttpProblemsConfig ofDefaults() {
    return custom().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a builder
   */
  public static Builder custom() {
    return new Builder();
  }

  /** Whether failures are answered as problems. */
  public boolean enabled() {
    return enabled;
  }

  /** The mapper for the handler's own exceptions; {@link ProblemMapper#NONE} unless set. */
  public ProblemMapper mapper() {
    return mapper;
  }

  /** {@value #ORDER}: outermost of the features. */
  @Override
  public int order() {
    return ORDER;
  }

  /**
   * The interceptor that answers failures as problems, in the response type of the handler's
   * event pair; a pass-through one when the feature is off here or by {@value
   * #ENVIRONMENT_VARIABLE}.
   *
   * @param context the handler's init context; not {@code null}
   * @return a new interceptor, thread-safe
   * @throws LaminaException if the feature is on and the handler's input and output are not one
   *     of the HTTP event pairs, or the environment variable has an unknown value
   */
  @Override
  public Interceptor createInterceptor(InitContext context) {
    boolean on = enabled && switchedOnBy(context.environment().variable(ENVIRONMENT_VARIABLE));
    if (!on) {
      return Interceptor.named("HttpProblems(off)", Interceptor.Chain::proceed);
    }
    HttpFamily family = HttpFamily.of(context.inputType(), context.outputType());
    if (family == null) {
      throw new LaminaException(
          "HTTP problems on ["
              + context.handlerClass().getName()
              + "] need an HTTP event pair as input and output (APIGatewayProxyRequestEvent and"
              + " APIGatewayProxyResponseEvent, APIGatewayV2HTTPEvent and APIGatewayV2HTTPResponse,"
              + " or ApplicationLoadBalancerRequestEvent and"
              + " ApplicationLoadBalancerResponseEvent), not ["
              + context.inputType().getTypeName()
              + "] and ["
              + context.outputType().getTypeName()
              + "]");
    }
    return new HttpProblemsInterceptor(family, mapper);
  }

  private static boolean switchedOnBy(String value) {
    if (value == null) {
      return true;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "":
      case "on":
      case "true":
        return true;
      case "off":
      case "false":
        return false;
      default:
        throw new LaminaException(
            "["
                + ENVIRONMENT_VARIABLE
                + "] must be on or off, was ["
                + value
                + "]; set it to off to answer HTTP failures as errors");
    }
  }

  /** Builds an {@link HttpProblemsConfig}. */
  public static final class Builder {
    private boolean enabled = true;
    private ProblemMapper mapper = ProblemMapper.NONE;

    private Builder() {}

    /**
     * Switches the feature on or off.
     *
     * @param enabled {@code false} lets every exception through
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Sets the mapper for the handler's own exceptions.
     *
     * @param mapper the mapper; not {@code null}; shared by concurrent invocations
     * @return this builder
     */
    public Builder mapper(ProblemMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     */
    public HttpProblemsConfig build() {
      return new HttpProblemsConfig(this);
    }
  }
}
