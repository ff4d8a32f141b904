package dev.lamina.core.internal.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import dev.lamina.core.http.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Problem} as each event family's response. Loaded only when a problem is answered, by a
 * handler that declares these event classes, so they are on its class path.
 */
final class HttpResponses {
  private HttpResponses() {}

  /**
   * The response.
   *
   * @param family the handler's event pair
   * @param problem the problem
   * @param request the decoded request, or {@code null} if it could not be read
   * @return an instance of the family's response class
   */
  static Object of(HttpFamily family, Problem problem, Object request) {
    Map<String, String> headers = headers(problem);
    String body = problem.toJson();
    switch (family) {
      case REST:
        return new APIGatewayProxyResponseEvent()
            .withStatusCode(problem.status())
            .withHeaders(headers)
            .withBody(body)
            .withIsBase64Encoded(false);
      case HTTP_API:
        return APIGatewayV2HTTPResponse.builder()
            .withStatusCode(problem.status())
            .withHeaders(headers)
            .withBody(body)
            .withIsBase64Encoded(false)
            .build();
      case ALB:
        return alb(problem, headers, body, request);
      default:
        throw new IllegalStateException("Unknown HTTP family " + family);
    }
  }

  private static Object alb(
      Problem problem, Map<String, String> headers, String body, Object request) {
    ApplicationLoadBalancerResponseEvent response = new ApplicationLoadBalancerResponseEvent();
    response.setStatusCode(problem.status());
    response.setStatusDescription(problem.status() + " " + Problem.reason(problem.status()));
    response.setIsBase64Encoded(false);
    response.setBody(body);
    // A target group with multi-value headers sends them (and no plain headers) and reads only
    // multiValueHeaders from the response.
    if (request instanceof ApplicationLoadBalancerRequestEvent alb
        && alb.getMultiValueHeaders() != null
        && alb.getHeaders() == null) {
      Map<String, List<String>> multi = new LinkedHashMap<>();
      headers.forEach((name, value) -> multi.put(name, List.of(value)));
      response.setMultiValueHeaders(multi);
    } else {
      response.setHeaders(headers);
    }
    return response;
  }

  private static Map<String, String> headers(Problem problem) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", Problem.CONTENT_TYPE);
    headers.putAll(problem.headers());
    return headers;
  }
}
