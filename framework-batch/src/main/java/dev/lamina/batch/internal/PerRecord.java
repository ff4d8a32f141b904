package dev.lamina.batch.internal;

/**
 * How one record's handler call is wrapped: directly, or through per-record idempotency. Built
 * once at init; thread-safe.
 */
public interface PerRecord {

  /** The record's work: decode its payload and call the record handler. */
  @FunctionalInterface
  interface Work {
    void run() throws Exception;
  }

  /** The key under which duplicates of one record in a batch are run once; {@code null} if none. */
  default String duplicateKey(SourceRecord record) {
    return null;
  }

  /** Runs the record's work (or knows it already ran). */
  void run(SourceRecord record, Work work) throws Exception;

  /** Runs the work directly. */
  PerRecord DIRECT =
      new PerRecord() {
        @Override
        public void run(SourceRecord record, Work work) throws Exception {
          work.run();
        }
      };
}
