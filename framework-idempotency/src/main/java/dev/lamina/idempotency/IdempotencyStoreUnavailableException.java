package dev.lamina.idempotency;

import dev.lamina.core.http.Problem;
import dev.lamina.core.http.ProblemSource;

/**
 * The idempotency store could not be used for a while: throttled past the retries, unreachable,
 * or answering server errors. A retry soon is likely to get through, so an HTTP handler answers
 * the caller 503 Service Unavailable with {@code Retry-After: 1} instead of failing the invocation
 * (which API Gateway turns into a bare 502); the failure is still logged at {@code ERROR} with its
 * cause. Store failures that a retry cannot fix (access denied, a missing table) stay plain
 * {@link IdempotencyStoreException}s and fail the invocation, so they show in the function's
 * errors. Immutable.
 */
public class IdempotencyStoreUnavailableException extends IdempotencyStoreException
    implements ProblemSource {
  private static final long serialVersionUID = 1L;

  /** The seconds a caller is asked to wait before retrying. */
  public static final int RETRY_AFTER_SECONDS = 1;

  /**
   * @param table the table name
   * @param operation the operation, such as {@code PutItem}
   * @param reason {@link Reason#THROTTLED}, {@link Reason#UNREACHABLE} or {@link
   *     Reason#SERVICE_ERROR}
   * @param detail the reason in words and how to fix it (never a payload)
   * @param cause the SDK's exception
   */
  public IdempotencyStoreUnavailableException(
      String table, String operation, Reason reason, String detail, Throwable cause) {
    super(table, operation, reason, detail, cause);
  }

  /**
   * 503 Service Unavailable with {@code Retry-After}; names neither the table nor the key.
   *
   * @return the problem
   */
  @Override
  public Problem problem() {
    return Problem.builder(503)
        .detail(
            "The request could not be checked against earlier attempts right now; retry after "
                + RETRY_AFTER_SECONDS
                + " second")
        .header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS))
        .build();
  }
}
