package dev.lamina.core.internal.http;

import java.lang.reflect.Type;

/**
 * The HTTP event pairs a handler may declare, recognised by class name so that a handler of other
 * types never loads {@code aws-lambda-java-events} (an optional dependency).
 */
public enum HttpFamily {
  /** API Gateway REST API, Lambda proxy integration (payload format 1.0). */
  REST("APIGatewayProxyRequestEvent", "APIGatewayProxyResponseEvent"),
  /** API Gateway HTTP API (payload format 2.0) and Lambda function URLs. */
  HTTP_API("APIGatewayV2HTTPEvent", "APIGatewayV2HTTPResponse"),
  /** Application Load Balancer target groups. */
  ALB("ApplicationLoadBalancerRequestEvent", "ApplicationLoadBalancerResponseEvent");

  private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";

  private final String request;
  private final String response;

  HttpFamily(String request, String response) {
    this.request = EVENTS + request;
    this.response = EVENTS + response;
  }

  /**
   * The family of a handler's declared types.
   *
   * @param input the input type
   * @param output the output type
   * @return the family, or {@code null} if the types are not one of the pairs
   */
  public static HttpFamily of(Type input, Type output) {
    if (!(input instanceof Class<?> in) || !(output instanceof Class<?> out)) {
      return null;
    }
    for (HttpFamily family : values()) {
      if (family.request.equals(in.getName()) && family.response.equals(out.getName())) {
        return family;
      }
    }
    return null;
  }
}
