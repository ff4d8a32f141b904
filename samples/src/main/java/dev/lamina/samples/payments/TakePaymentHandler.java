package dev.lamina.samples.payments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.TimeGuard;
import dev.lamina.core.http.HttpBody;
import dev.lamina.idempotency.Idempotent;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a payment once per {@code Idempotency-Key}. Retries get the first response, whatever API
 * Gateway put around them; the payload check covers the method, the path and the body, so the
 * same key with another body is rejected. Rejections are HTTP answers ({@code
 * application/problem+json}): a missing key or a body that is not JSON is 400, a reused key 422,
 * a retry while the first is still running 409 with {@code Retry-After}. Needs {@code
 * LAMINA_IDEMPOTENCY_TABLE}.
 */
@TimeGuard(safetyMarginMillis = 500)
@Idempotent(key = "header:Idempotency-Key")
public class TakePaymentHandler
    extends LambdaHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger log = LoggerFactory.getLogger(TakePaymentHandler.class);

  /** The constructor the Lambda runtime calls. */
  public TakePaymentHandler() {
    super();
  }

  /**
   * For tests: a handler with an injected clock, environment and checkpoint registry.
   *
   * @param environment the environment; not {@code null}
   */
  public TakePaymentHandler(HandlerEnvironment environment) {
    super(environment);
  }

  /** What the client sends. */
  public record PaymentRequest(String amount, String currency) {}

  @Override
  protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request, Invocation invocation) {
    invocation.checkRemainingTime();
    // A body that is not JSON is answered 400, naming where it breaks, never what it says.
    PaymentRequest payment = HttpBody.read(request, PaymentRequest.class, codec());
    // The side effect that must not happen twice: here, minting a payment id.
    String paymentId = UUID.randomUUID().toString();
    log.atInfo()
        .addKeyValue("payment_id", paymentId)
        .addKeyValue("currency", payment.currency())
        .log("Payment taken");
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(201)
        .withHeaders(
            Map.of("Content-Type", "application/json", "Location", "/payments/" + paymentId))
        .withBody(
            "{\"paymentId\":\"" + paymentId + "\",\"takenBy\":\"" + invocation.requestId() + "\"}")
        .build();
  }
}
