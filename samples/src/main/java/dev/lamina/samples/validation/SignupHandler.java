package dev.lamina.samples.validation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.http.HttpBody;
import dev.lamina.validation.Validated;
import java.util.Map;

/**
 * {@code POST /signups} behind an HTTP API. The body is read through the handler's codec, so
 * {@code @Validated} checks it: a body that breaks the constraints of {@link SignupRequest} is
 * answered {@code 400} with {@code application/problem+json} listing every violation (path and
 * rule, never a value), and malformed JSON {@code 400} too, without the handler's own code
 * running past {@code HttpBody.read}.
 */
@Validated
public class SignupHandler extends LambdaHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  /** The constructor the Lambda runtime calls. */
  public SignupHandler() {
    super();
  }

  /**
   * For tests: a handler with an injected clock, environment and checkpoint registry.
   *
   * @param environment the environment; not {@code null}
   */
  public SignupHandler(HandlerEnvironment environment) {
    super(environment);
  }

  @Override
  protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request, Invocation invocation) {
    SignupRequest signup = HttpBody.read(request, SignupRequest.class, codec());
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(201)
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withBody("{\"welcome\":" + signup.interests().size() + "}")
        .build();
  }
}
