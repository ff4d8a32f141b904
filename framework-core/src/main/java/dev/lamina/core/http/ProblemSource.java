package dev.lamina.core.http;

import java.time.Instant;

/**
 * Implemented by an exception that knows its HTTP answer. When a handler of HTTP events (API
 * Gateway REST or HTTP API, function URL, ALB) fails with such an exception, Lamina answers the
 * caller with its {@link Problem} instead of failing the invocation (which API Gateway would turn
 * into a 502). Lamina's own request errors implement it: malformed or mismatched input (400), a
 * missing idempotency key (400), a key reused with another payload (422), a duplicate still in
 * progress (409 with {@code Retry-After}); and two server conditions a caller can act on: the
 * idempotency store unavailable for a moment (503 with {@code Retry-After}) and the time guard
 * stopping work before the deadline (503).
 *
 * <p>The problem is shown to the caller: its detail must not contain the request's values.
 *
 * <pre>{@code
 * public class OrderShippedException extends RuntimeException implements ProblemSource {
 *   public Problem problem() {
 *     return Problem.of(409, "The order has already shipped");
 *   }
 * }
 * }</pre>
 */
public interface ProblemSource {

  /**
   * The HTTP problem this exception stands for.
   *
   * @return the problem; not {@code null}
   */
  Problem problem();

  /**
   * The problem as of a moment, for problems that depend on time (a {@code Retry-After} counted
   * from now). Lamina calls this one, with the invocation's clock; the default ignores {@code now}.
   *
   * @param now the current time by the handler's clock; not {@code null}
   * @return the problem; not {@code null}
   */
  default Problem problem(Instant now) {
    return problem();
  }
}
