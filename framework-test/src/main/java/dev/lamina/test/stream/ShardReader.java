package dev.lamina.test.stream;

import java.util.List;

/** Where a stream mapping reads records from: in-memory shards, or a real stream. */
interface ShardReader {

  /** The shards to read, in a stable order. */
  List<String> shardIds();

  /**
   * Up to {@code max} records of {@code shardId} after {@code checkpoint} (a record as
   * {@link StreamRecord#sequenceNumber()} spells it; null for the shard's start), in order.
   */
  List<StreamRecord> read(String shardId, String checkpoint, int max);
}
