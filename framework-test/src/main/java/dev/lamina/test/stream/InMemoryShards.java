package dev.lamina.test.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Shards a test fills: records kept in order, read after a checkpoint. Thread-safe. */
final class InMemoryShards implements ShardReader {

  private final Map<String, List<StreamRecord>> shards = new TreeMap<>();

  InMemoryShards(List<String> shardIds) {
    shardIds.forEach(id -> shards.put(id, new ArrayList<>()));
  }

  synchronized void add(StreamRecord record) {
    shards.get(record.shardId()).add(record);
  }

  /** How many records a shard holds. */
  synchronized int size(String shardId) {
    return shards.get(shardId).size();
  }

  @Override
  public synchronized List<String> shardIds() {
    return List.copyOf(shards.keySet());
  }

  @Override
  public synchronized List<StreamRecord> read(String shardId, String checkpoint, int max) {
    List<StreamRecord> shard = shards.get(shardId);
    int from = 0;
    if (checkpoint != null) {
      while (from < shard.size() && !shard.get(from).sequenceNumber().equals(checkpoint)) {
        from++;
      }
      from++;
    }
    return from >= shard.size()
        ? List.of()
        : List.copyOf(shard.subList(from, Math.min(shard.size(), from + max)));
  }
}
