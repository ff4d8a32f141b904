package dev.lamina.core.http;

import dev.lamina.core.Feature;
import dev.lamina.core.internal.http.HttpProblemsFactory;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers HTTP requests that fail with a known exception as HTTP problems ({@code
 * application/problem+json}, RFC 9457) instead of failing the invocation.
 *
 * <p>The feature is on without this annotation for every handler whose input and output are one
 * of the HTTP event pairs of {@code aws-lambda-java-events}: {@code APIGatewayProxyRequestEvent}
 * and {@code APIGatewayProxyResponseEvent} (API Gateway REST API), {@code APIGatewayV2HTTPEvent}
 * and {@code APIGatewayV2HTTPResponse} (HTTP API, function URL), {@code
 * ApplicationLoadBalancerRequestEvent} and {@code ApplicationLoadBalancerResponseEvent} (ALB).
 * Use the annotation to register a {@link ProblemMapper} or to switch the feature off for one
 * handler; set the environment variable {@value HttpProblemsConfig#ENVIRONMENT_VARIABLE} to {@code
 * off} to switch it off for a function without a new build. The plain-Java form is {@link
 * HttpProblemsConfig}.
 *
 * <p>An exception that the mapper maps, or that implements {@link ProblemSource}, becomes the
 * response; any other exception is rethrown unchanged. It runs outermost (order {@value
 * HttpProblemsConfig#ORDER}), just inside the log context, so it sees the failures of every
 * feature, the input's decoding included.
 *
 * <pre>{@code
 * @HttpProblems(mapper = PaymentProblems.class)
 * @Idempotent(key = "header:Idempotency-Key")
 * public class TakePayment extends LambdaHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
 *   ...
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Feature(value = HttpProblemsFactory.class, order = HttpProblemsConfig.ORDER)
public @interface HttpProblems {

  /** Whether failures are answered as problems; {@code false} lets every exception through. */
  boolean enabled() default true;

  /**
   * The mapper for the handler's own exceptions: a class with a public no-arg constructor. The
   * default, {@code ProblemMapper.class} itself, means none.
   */
  Class<? extends ProblemMapper> mapper() default ProblemMapper.class;
}
