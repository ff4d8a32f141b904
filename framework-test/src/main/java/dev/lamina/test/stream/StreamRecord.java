package dev.lamina.test.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;

/**
 * One record of a shard, as the engine handles it: where it is (a comparable position), its id
 * (the sequence number as the source spells it, or a Kafka {@code topic-partition@offset}), when it
 * arrived, and its JSON as the event carries it. Immutable.
 */
record StreamRecord(
    String shardId,
    BigInteger position,
    String sequenceNumber,
    String id,
    Instant arrival,
    ObjectNode json) {}
