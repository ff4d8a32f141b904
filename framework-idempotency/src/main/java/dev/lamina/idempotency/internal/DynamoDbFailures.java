package dev.lamina.idempotency.internal;

import dev.lamina.idempotency.IdempotencyStoreException;
import dev.lamina.idempotency.IdempotencyStoreException.Reason;
import dev.lamina.idempotency.IdempotencyStoreUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK exceptions into {@link IdempotencyStoreException}s whose message names the table, the
 * operation, the AWS error code (never the service's message text, which may quote values) and
 * what to do.
 */
public final class DynamoDbFailures {
  private DynamoDbFailures() {}

  /** The typed exception for an SDK failure of {@code operation} on {@code table}. */
  public static IdempotencyStoreException translate(
      String table, String operation, SdkException e) {
    if (e instanceof AwsServiceException) {
      AwsServiceException service = (AwsServiceException) e;
      String code =
          service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      int status = service.statusCode();
      if (service.isThrottlingException()
          || "ProvisionedThroughputExceededException".equals(code)
          || "RequestLimitExceeded".equals(code)
          || "ThrottlingException".equals(code)) {
        return new IdempotencyStoreUnavailableException(
            table,
            operation,
            Reason.THROTTLED,
            "throttled ("
                + code
                + "), retried by the SDK and then, for up to 5 s within the invocation's time, by"
                + " Lamina's backoff; raise the table's capacity or switch"
                + " it to on-demand",
            e);
      }
      if ("ResourceNotFoundException".equals(code)) {
        return new IdempotencyStoreException(
            table,
            operation,
            Reason.TABLE_NOT_FOUND,
            "the table does not exist in this account and region; create it (see IdempotencyTable)"
                + " or fix LAMINA_IDEMPOTENCY_TABLE",
            e);
      }
      if (status == 403
          || (code != null
              && (code.contains("AccessDenied")
                  || code.equals("UnrecognizedClientException")
                  || code.contains("Signature")))) {
        return new IdempotencyStoreException(
            table,
            operation,
            Reason.ACCESS_DENIED,
            "access denied ("
                + code
                + "); grant the function's role dynamodb:PutItem, GetItem,"
                + " UpdateItem and DeleteItem on the table",
            e);
      }
      if (status >= 500) {
        return new IdempotencyStoreUnavailableException(
            table,
            operation,
            Reason.SERVICE_ERROR,
            "DynamoDB answered HTTP "
                + status
                + (code == null ? "" : " (" + code + ")")
                + " after the SDK's retries; retry the invocation later",
            e);
      }
      return new IdempotencyStoreException(
          table,
          operation,
          Reason.OTHER,
          "HTTP " + status + (code == null ? "" : " (" + code + ")"),
          e);
    }
    if (e instanceof SdkClientException) {
      return new IdempotencyStoreUnavailableException(
          table,
          operation,
          Reason.UNREACHABLE,
          "the endpoint could not be reached ("
              + rootCause(e)
              + "); check the network path (VPC"
              + " endpoint or NAT) and, for local runs, LAMINA_IDEMPOTENCY_ENDPOINT",
          e);
    }
    return new IdempotencyStoreException(table, operation, Reason.OTHER, e.getClass().getName(), e);
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getName();
  }
}
