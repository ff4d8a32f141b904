package dev.lamina.batch;

/**
 * The partial batch response Lamina built would not be safe to return: it would report an empty,
 * unknown or repeated identifier (which Lambda treats as a failure of the whole batch anyway), or
 * leave a record that did not complete uncovered (which would lose it). The invocation fails
 * instead, so Lambda retries the whole batch: nothing is lost.
 */
public class BatchResponseException extends BatchException {
  private static final long serialVersionUID = 1L;

  /** @param message which identifier or record, and what happens now */
  public BatchResponseException(String message) {
    super(message);
  }
}
