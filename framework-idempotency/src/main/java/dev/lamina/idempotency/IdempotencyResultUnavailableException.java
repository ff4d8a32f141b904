package dev.lamina.idempotency;

/**
 * The key's first invocation completed (its side effects happened), but its result could not be
 * stored: it was larger than the store accepts (DynamoDB's 400 KB item limit) or could not be
 * serialised. A duplicate therefore gets this exception instead of the result; the handler does
 * not run again. Make the result smaller (return an id, not the document) to get real replays.
 */
public class IdempotencyResultUnavailableException extends IdempotencyException {
  private static final long serialVersionUID = 1L;

  private final String recordId;

  /** @param recordId the id of the completed record that holds no result */
  public IdempotencyResultUnavailableException(String recordId) {
    super(
        "Idempotency key ["
            + recordId
            + "] was already handled, but its result was too large or"
            + " not serialisable and was not stored; the handler does not run again. Return a smaller"
            + " result (for example an id) to replay results");
    this.recordId = recordId;
  }

  /** The record id; never {@code null}. */
  public String recordId() {
    return recordId;
  }
}
