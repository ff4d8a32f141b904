package dev.lamina.batch;

/**
 * Every record of a batch failed: the invocation fails, so Lambda's error metrics, retry backoff
 * and (for streams) bisect-on-error apply, and the whole batch is delivered again. Thrown after the
 * batch's log line; {@link BatchConfig.Builder#respondWhenAllFail()} returns the all-failed
 * response instead.
 */
public class BatchFailedException extends BatchException {
  private static final long serialVersionUID = 1L;

  private final int records;

  /**
   * @param source the event source, such as {@code SQS}
   * @param records how many records the batch held
   */
  public BatchFailedException(String source, int records) {
    super(
        "All "
            + records
            + " records of the "
            + source
            + " batch failed; failing the invocation"
            + " so Lambda retries the whole batch (see each record's log line for why)");
    this.records = records;
  }

  /** How many records the batch held. */
  public int records() {
    return records;
  }
}
