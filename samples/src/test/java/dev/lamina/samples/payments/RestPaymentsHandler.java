package dev.lamina.samples.payments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.http.HttpBody;
import dev.lamina.core.http.HttpProblems;
import dev.lamina.core.http.Problem;
import dev.lamina.core.http.ProblemMapper;
import dev.lamina.idempotency.Idempotent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /payments} behind an API Gateway REST API, idempotent on {@code Idempotency-Key},
 * reading its body with {@link HttpBody}. A declined card is the mapper's 402; a broken ledger is
 * the handler's own failure. With {@code HOLD_UNTIL} set it prints {@code holding <request id>}
 * once its claim is stored and waits until that file exists, as a slow first request would.
 */
@Idempotent(key = "header:Idempotency-Key")
@HttpProblems(mapper = RestPaymentsHandler.PaymentProblems.class)
public class RestPaymentsHandler
    extends LambdaHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  /** The body the client sends. */
  public record PaymentRequest(String amount, String currency, String card, String holder) {}

  /** The card was declined: the client's problem, but this exception knows nothing of HTTP. */
  public static final class CardDeclinedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CardDeclinedException() {
      super("card declined");
    }
  }

  /** Maps a declined card to 402 Payment Required. */
  public static final class PaymentProblems implements ProblemMapper {
    @Override
    public Optional<Problem> problemFor(Exception exception) {
      return exception instanceof CardDeclinedException
          ? Optional.of(Problem.of(402, "The card was declined"))
          : Optional.empty();
    }
  }

  @Override
  protected APIGatewayProxyResponseEvent handle(
      APIGatewayProxyRequestEvent request, Invocation invocation) throws InterruptedException {
    PaymentRequest payment = HttpBody.read(request, PaymentRequest.class, codec());
    String holdUntil = environment().variable("HOLD_UNTIL");
    if (holdUntil != null) {
      System.out.println("holding " + invocation.requestId());
      Path release = Path.of(holdUntil);
      long giveUpAt = System.nanoTime() + 60_000_000_000L;
      while (!Files.exists(release) && System.nanoTime() < giveUpAt) {
        Thread.sleep(5); // waits for the test's release file, not for time to pass
      }
    }
    if ("declined".equals(payment.card())) {
      throw new CardDeclinedException();
    }
    if ("broken".equals(payment.card())) {
      throw new IllegalStateException("ledger unavailable");
    }
    String paymentId = UUID.randomUUID().toString();
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(201)
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withBody(
            "{\"paymentId\":\"" + paymentId + "\",\"takenBy\":\"" + invocation.requestId() + "\"}");
  }
}
