package dev.lamina.batch.internal;

import dev.lamina.batch.RecordContext;
import java.math.BigInteger;

/**
 * One record of a batch as the engine sees it: its position, the identifier to report, its
 * ordering unit, how it compares within a stream, how to get its payload bytes, and its context.
 * Immutable.
 *
 * @param index the position in the batch, from 0
 * @param id the identifier as text: reported for SQS and streams, and the record's name in logs
 * @param reported what goes into the response's {@code itemIdentifier} (text, or Kafka's object)
 * @param unit the ordering unit (FIFO group, partition key, item keys, Kafka partition); {@code
 *     null} if the record is ordered with nothing
 * @param sequence its place in a stream (sequence number, Kafka offset); {@code null} if none
 * @param payload the payload's bytes as delivered (decoded from base64 where the source encodes)
 * @param idempotencyKey the default per-record idempotency key
 * @param context what the record handler receives
 */
public record SourceRecord(
    int index,
    String id,
    Object reported,
    String unit,
    BigInteger sequence,
    Payload payload,
    String idempotencyKey,
    RecordContext context) {

  /** A record's payload, produced on demand (decoding may fail; that is the record's failure). */
  @FunctionalInterface
  public interface Payload {
    /** The payload as delivered; the engine decodes it into the handler's type. */
    Object get() throws Exception;
  }
}
