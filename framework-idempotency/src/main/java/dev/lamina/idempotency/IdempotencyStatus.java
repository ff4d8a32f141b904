package dev.lamina.idempotency;

/**
 * The state of an idempotency record, stored as Powertools for AWS Lambda (Java) stores it
 * ({@code INPROGRESS}, {@code COMPLETED}).
 */
public enum IdempotencyStatus {
  /** An invocation claimed the key and has not finished. */
  IN_PROGRESS("INPROGRESS"),
  /** The handler returned; the record holds its result (or no result if it could not be stored). */
  COMPLETED("COMPLETED");

  private final String stored;

  IdempotencyStatus(String stored) {
    this.stored = stored;
  }

  /** The value written to the store. */
  public String stored() {
    return stored;
  }

  /**
   * The status for a stored value.
   *
   * @param value the stored value
   * @return the status
   * @throws IllegalArgumentException for an unknown value
   */
  public static IdempotencyStatus ofStored(String value) {
    for (IdempotencyStatus s : values()) {
      if (s.stored.equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown idempotency record status [" + value + "]");
  }
}
