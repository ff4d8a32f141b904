package dev.lamina.idempotency;

/**
 * The idempotency store failed: throttled past the SDK's and Lamina's retries, unreachable, access denied,
 * table missing, or a service error. The message names the table and the operation. When a claim
 * fails this way, the handler does not run.
 */
public class IdempotencyStoreException extends IdempotencyException {
  private static final long serialVersionUID = 1L;

  /** Why the store failed, for code that reacts to it. */
  public enum Reason {
    /**
     * The table's throughput was exceeded, and neither the SDK's retries nor the engine's backoff
     * (up to 5 s, within the invocation's time) got through.
     */
    THROTTLED,
    /** The endpoint could not be reached (connection refused, timed out, DNS). */
    UNREACHABLE,
    /** The function's role may not call the operation on the table. */
    ACCESS_DENIED,
    /** The table does not exist in this account and region. */
    TABLE_NOT_FOUND,
    /** The service answered with a server error (HTTP 5xx) after the SDK's retries. */
    SERVICE_ERROR,
    /** Anything else; see the cause. */
    OTHER
  }

  private final String table;
  private final String operation;
  private final Reason reason;

  /**
   * @param table the table name
   * @param operation the operation, such as {@code PutItem}
   * @param reason why it failed
   * @param detail the reason in words and how to fix it (never a payload)
   * @param cause the SDK's exception
   */
  public IdempotencyStoreException(
      String table, String operation, Reason reason, String detail, Throwable cause) {
    super(
        "DynamoDB [" + operation + "] on idempotency table [" + table + "] failed: " + detail,
        cause);
    this.table = table;
    this.operation = operation;
    this.reason = reason;
  }

  /** The table name; never {@code null}. */
  public String table() {
    return table;
  }

  /** The operation that failed, such as {@code PutItem}; never {@code null}. */
  public String operation() {
    return operation;
  }

  /** Why it failed; never {@code null}. */
  public Reason reason() {
    return reason;
  }
}
