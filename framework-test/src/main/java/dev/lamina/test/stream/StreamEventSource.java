package dev.lamina.test.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamina.test.FakeContext;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.eventsource.Delivery;
import dev.lamina.test.eventsource.Delivery.Outcome;
import dev.lamina.test.eventsource.EventSourceException;
import dev.lamina.test.eventsource.FunctionInvoker;
import dev.lamina.test.internal.BatchResponses;
import dev.lamina.test.internal.PollingLoop;
import dev.lamina.test.internal.PollingLoop.State;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A local event source mapping for a stream (Kinesis, DynamoDB Streams, Kafka), with Lambda's
 * checkpoint semantics. For each shard, one batch at a time, in shard order:
 *
 * <ul>
 *   <li>a success checkpoints past the batch;
 *   <li>a valid partial batch response ({@code ReportBatchItemFailures}) checkpoints just before
 *       the lowest reported record and retries from it: the records before it are never delivered
 *       again, the reported one is never skipped;
 *   <li>an error, a timeout or an invalid response (an empty, null, unknown or malformed
 *       {@code itemIdentifier}) fails the whole batch: nothing is checkpointed, and the batch is
 *       retried, split in two first with {@code BisectBatchOnFunctionError} (a split is not
 *       counted as a retry: each half has its own {@code MaximumRetryAttempts});
 *   <li>once a batch (or what is left of it) has been retried {@code MaximumRetryAttempts} times,
 *       or its records are older than {@code MaximumRecordAgeInSeconds}, it is skipped: an
 *       {@link OnFailureRecord} says what, and the checkpoint moves past it.
 * </ul>
 *
 * <p>Everything is recorded for assertions: {@link #deliveries()}, {@link #checkpoints()},
 * {@link #onFailureRecords()}. {@link #awaitIdle(Duration)} waits until every shard is
 * checkpointed up to its last record.
 *
 * <p>Thread-safe: tests put records from any thread while the mapping's daemon poller thread
 * invokes the function, one batch at a time (shards take turns). Always {@link #close()} it.
 * Subclasses: {@link KinesisEventSource}, {@link DynamoDbStreamEventSource},
 * {@link KafkaEventSource}.
 *
 * <pre>{@code
 * try (KinesisEventSource clicks = KinesisEventSource.builder()
 *     .streamName("clicks").function(lambda).maximumRetryAttempts(2).start()) {
 *   String bad = clicks.putRecord("u-1", "{\"userId\":\"u-1\"}");
 *   clicks.awaitIdle(Duration.ofSeconds(30));
 *   assertEquals(List.of(bad), clicks.onFailureRecords().get(0).recordIds());
 * }
 * }</pre>
 */
public abstract class StreamEventSource implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  private final ShardReader reader;
  private final FunctionInvoker function;
  private final int batchSize;
  private final Duration batchingWindow;
  private final Duration functionTimeout;
  private final boolean reportBatchItemFailures;
  private final boolean bisect;
  private final int maximumRetryAttempts;
  private final Duration maximumRecordAge;
  private final String functionArn;
  final Clock clock;
  final String region;
  final String accountId;
  private final Map<String, Shard> shards = new LinkedHashMap<>();
  private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
  private final List<Checkpoint> checkpoints = Collections.synchronizedList(new ArrayList<>());
  private final List<OnFailureRecord> onFailure = Collections.synchronizedList(new ArrayList<>());
  private PollingLoop loop;

  /** A batch waiting to be (re)delivered, and how often it has been retried. */
  private record Pending(List<StreamRecord> records, int retries, int invocations) {
    Pending {
      records = List.copyOf(records);
    }
  }

  /** A shard's position and its retry stack (a bisected batch's halves, first half on top). */
  private static final class Shard {
    final String id;
    volatile String checkpoint;
    final Deque<Pending> pending = new ConcurrentLinkedDeque<>();

    Shard(String id) {
      this.id = id;
    }
  }

  StreamEventSource(Settings<?> s, ShardReader reader) {
    this.reader = reader;
    this.function = s.function;
    this.batchSize = s.batchSize;
    this.batchingWindow = s.batchingWindow;
    this.functionTimeout = s.functionTimeout;
    this.reportBatchItemFailures = s.reportBatchItemFailures;
    this.bisect = s.bisectBatchOnFunctionError;
    this.maximumRetryAttempts = s.maximumRetryAttempts;
    this.maximumRecordAge = s.maximumRecordAge;
    this.clock = s.clock;
    this.region = s.region;
    this.accountId = s.accountId;
    this.functionArn =
        "arn:aws:lambda:" + s.region + ":" + s.accountId + ":function:" + s.functionName;
  }

  /** Starts the poller; called by the subclasses' builders once they are fully constructed. */
  final void startPolling(String name, Settings<?> settings) {
    this.loop =
        new PollingLoop(
            "lamina-stream-mapping-" + name, settings.pollInterval, settings.enabled, this::poll);
  }

  /** The {@code eventSourceARN} of the stream (for Kafka, the cluster). */
  public abstract String eventSourceArn();

  /**
   * The event JSON Lambda sends for {@code batch}, all of one shard: by default
   * {@code {"Records": [...]}}, as for Kinesis and DynamoDB Streams.
   */
  String event(String shardId, List<StreamRecord> batch) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode records = root.putArray("Records");
    for (StreamRecord r : batch) {
      records.add(r.json());
    }
    return root.toString();
  }

  /**
   * The record id an {@code itemIdentifier} names, or null if it is malformed for this source:
   * by default a non-empty string, the sequence number.
   */
  String identifier(String shardId, JsonNode itemIdentifier) {
    return BatchResponses.textual(itemIdentifier);
  }

  /** The source's part of an on-failure message: {@code KinesisBatchInfo} and so on. */
  abstract String batchInfoName();

  /** Wakes the poller after a test put records. */
  final void wake() {
    if (loop != null) {
      loop.wake();
    }
  }

  /**
   * Waits until every shard is checkpointed up to its last record and no invocation is running,
   * as observed by a poll that started after this call.
   *
   * @throws EventSourceException if that does not happen within {@code timeout} (the message says
   *     where each shard is stuck and how often its batch was retried), or the poller failed
   */
  public void awaitIdle(Duration timeout) {
    loop.awaitIdle(timeout, this::describe);
  }

  /**
   * Starts polling, for a mapping built {@code enabled(false)}: records put before come in
   * batches as large as the settings allow.
   */
  public void enable() {
    loop.enable();
  }

  /** Stops polling after the batch in flight, as {@code Enabled: false} does. */
  public void disable() {
    loop.disable();
  }

  /** Every invocation so far, in order. */
  public List<Delivery> deliveries() {
    synchronized (deliveries) {
      return List.copyOf(deliveries);
    }
  }

  /** The invocations whose batch held {@code recordId}, in order. */
  public List<Delivery> deliveriesOf(String recordId) {
    return deliveries().stream().filter(d -> d.contains(recordId)).collect(Collectors.toList());
  }

  /** Every checkpoint move so far, in order. */
  public List<Checkpoint> checkpoints() {
    synchronized (checkpoints) {
      return List.copyOf(checkpoints);
    }
  }

  /** Each shard's checkpoint now: the last record done, absent for a shard not yet started. */
  public Optional<String> checkpoint(String shardId) {
    synchronized (shards) {
      Shard shard = shards.get(shardId);
      return shard == null ? Optional.empty() : Optional.ofNullable(shard.checkpoint);
    }
  }

  /** What was skipped, in order. */
  public List<OnFailureRecord> onFailureRecords() {
    synchronized (onFailure) {
      return List.copyOf(onFailure);
    }
  }

  /** Stops the poller after the invocation in flight, if any. Idempotent. */
  @Override
  public void close() {
    if (loop != null) {
      loop.close(functionTimeout.plus(BatchResponses.LATE_ANSWER_WAIT).plusSeconds(5));
    }
  }

  // ---- the engine ----

  private State poll() {
    boolean worked = false;
    boolean waiting = false;
    for (String id : reader.shardIds()) {
      Shard shard;
      synchronized (shards) {
        shard = shards.computeIfAbsent(id, Shard::new);
      }
      State state = step(shard);
      worked |= state == State.WORKED;
      waiting |= state == State.WAITING;
    }
    return worked ? State.WORKED : waiting ? State.WAITING : State.IDLE;
  }

  private State step(Shard shard) {
    if (shard.pending.isEmpty()) {
      List<StreamRecord> records = reader.read(shard.id, shard.checkpoint, batchSize);
      if (records.isEmpty()) {
        return State.IDLE;
      }
      // The window opens when the first record arrived, on the mapping's clock.
      if (records.size() < batchSize
          && !batchingWindow.isZero()
          && clock.instant().isBefore(records.get(0).arrival().plus(batchingWindow))) {
        return State.WAITING;
      }
      shard.pending.push(new Pending(records, 0, 0));
    }
    Pending batch = shard.pending.pop();
    List<StreamRecord> records = dropExpired(shard, batch);
    if (records.isEmpty()) {
      return State.WORKED;
    }
    if (records.size() < batch.records().size()) {
      batch = new Pending(records, batch.retries(), batch.invocations());
    }
    deliver(shard, batch);
    return State.WORKED;
  }

  /** Skips the records older than the maximum age (a prefix: records arrive in order). */
  private List<StreamRecord> dropExpired(Shard shard, Pending batch) {
    if (maximumRecordAge == null) {
      return batch.records();
    }
    Instant oldest = clock.instant().minus(maximumRecordAge);
    List<StreamRecord> expired = new ArrayList<>();
    for (StreamRecord r : batch.records()) {
      if (!r.arrival().isBefore(oldest)) {
        break;
      }
      expired.add(r);
    }
    if (!expired.isEmpty()) {
      skip(shard, expired, OnFailureRecord.RECORD_AGE_EXCEEDED, batch.invocations(), null);
    }
    return batch.records().subList(expired.size(), batch.records().size());
  }

  private void deliver(Shard shard, Pending batch) {
    List<StreamRecord> records = batch.records();
    String event = event(shard.id, records);
    Set<String> ids =
        records.stream().map(StreamRecord::id).collect(Collectors.toCollection(LinkedHashSet::new));
    Instant invokedAt = clock.instant();
    Function<JsonNode, String> identifier = node -> identifier(shard.id, node);
    BatchResponses.Answer answer =
        BatchResponses.invoke(
            function, event, functionTimeout, identifier, ids, reportBatchItemFailures);
    deliveries.add(
        new Delivery(
            deliveries.size() + 1,
            shard.id,
            new ArrayList<>(ids),
            event,
            answer.outcome(),
            answer.reported(),
            answer.detail(),
            answer.result(),
            invokedAt));
    int invocations = batch.invocations() + 1;
    String functionError = answer.outcome() == Outcome.FUNCTION_ERROR ? "Unhandled" : null;
    switch (answer.outcome()) {
      case SUCCESS -> checkpoint(shard, records.get(records.size() - 1));
      case PARTIAL_FAILURE -> {
        Set<String> reported = new LinkedHashSet<>(answer.reported());
        int lowest = 0;
        while (!reported.contains(records.get(lowest).id())) {
          lowest++;
        }
        if (lowest > 0) {
          checkpoint(shard, records.get(lowest - 1));
        }
        List<StreamRecord> rest = records.subList(lowest, records.size());
        retryOrSkip(shard, new Pending(rest, batch.retries(), invocations), null);
      }
      default -> {
        if (bisect && records.size() > 1) {
          int half = (records.size() + 1) / 2;
          shard.pending.push(new Pending(records.subList(half, records.size()), 0, invocations));
          shard.pending.push(new Pending(records.subList(0, half), 0, invocations));
        } else {
          retryOrSkip(shard, new Pending(records, batch.retries(), invocations), functionError);
        }
      }
    }
  }

  private void retryOrSkip(Shard shard, Pending failed, String functionError) {
    int retries = failed.retries() + 1;
    if (maximumRetryAttempts >= 0 && retries > maximumRetryAttempts) {
      skip(
          shard,
          failed.records(),
          OnFailureRecord.RETRY_ATTEMPTS_EXHAUSTED,
          failed.invocations(),
          functionError);
    } else {
      shard.pending.push(new Pending(failed.records(), retries, failed.invocations()));
    }
  }

  private void skip(
      Shard shard,
      List<StreamRecord> records,
      String condition,
      int invocations,
      String functionError) {
    StreamRecord first = records.get(0);
    StreamRecord last = records.get(records.size() - 1);
    ObjectNode message = JSON.createObjectNode();
    ObjectNode request = message.putObject("requestContext");
    request.put("requestId", java.util.UUID.randomUUID().toString());
    request.put("functionArn", functionArn);
    request.put("condition", condition);
    request.put("approximateInvokeCount", invocations);
    ObjectNode response = message.putObject("responseContext");
    response.put("statusCode", 200);
    response.put("executedVersion", "$LATEST");
    if (functionError != null) {
      response.put("functionError", functionError);
    }
    message.put("version", "1.0");
    message.put("timestamp", clock.instant().toString());
    ObjectNode info = message.putObject(batchInfoName());
    info.put("shardId", shard.id);
    info.put("startSequenceNumber", first.sequenceNumber());
    info.put("endSequenceNumber", last.sequenceNumber());
    info.put("approximateArrivalOfFirstRecord", first.arrival().toString());
    info.put("approximateArrivalOfLastRecord", last.arrival().toString());
    info.put("batchSize", records.size());
    info.put("streamArn", eventSourceArn());
    onFailure.add(
        new OnFailureRecord(
            condition,
            shard.id,
            first.sequenceNumber(),
            last.sequenceNumber(),
            first.arrival(),
            last.arrival(),
            records.stream().map(StreamRecord::id).collect(Collectors.toList()),
            invocations,
            message.toString()));
    checkpoint(shard, last);
  }

  private void checkpoint(Shard shard, StreamRecord last) {
    shard.checkpoint = last.sequenceNumber();
    checkpoints.add(new Checkpoint(shard.id, last.sequenceNumber(), clock.instant()));
  }

  private String describe() {
    StringBuilder out = new StringBuilder();
    synchronized (shards) {
      for (Shard shard : shards.values()) {
        Pending top = shard.pending.peek();
        out.append("shard [")
            .append(shard.id)
            .append("] checkpointed at [")
            .append(shard.checkpoint)
            .append(']');
        if (top != null) {
          out.append(", retrying ")
              .append(top.records().stream().map(StreamRecord::id).collect(Collectors.toList()))
              .append(" after ")
              .append(top.retries())
              .append(" retries (set maximumRetryAttempts to give up)");
        }
        out.append("; ");
      }
    }
    List<Delivery> all = deliveries();
    out.append(all.size())
        .append(" deliveries, the last: ")
        .append(all.subList(Math.max(0, all.size() - 3), all.size()));
    if (loop.failure() != null) {
      out.append("; the poller failed: ").append(loop.failure());
    }
    return out.toString();
  }

  /** A sequence number of {@code digits} digits, for in-memory shards. */
  static String pad(BigInteger value, int digits) {
    String text = value.toString();
    return text.length() >= digits ? text : "0".repeat(digits - text.length()) + text;
  }

  /**
   * The settings every stream mapping shares, with Lambda's names and ranges. Not thread-safe.
   *
   * @param <B> the concrete builder
   */
  public abstract static class Settings<B extends Settings<B>> {
    FunctionInvoker function;
    int batchSize = 100;
    Duration batchingWindow = Duration.ZERO;
    Duration functionTimeout = Duration.ofSeconds(30);
    boolean reportBatchItemFailures = true;
    boolean bisectBatchOnFunctionError;
    int maximumRetryAttempts = -1;
    Duration maximumRecordAge;
    Clock clock = Clock.systemUTC();
    String region = FakeContext.DEFAULT_REGION;
    String accountId = FakeContext.DEFAULT_ACCOUNT_ID;
    String functionName = "test-function";
    Duration pollInterval = Duration.ofMillis(100);
    boolean enabled = true;

    Settings() {}

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    /** Required: the function, running under the real runtime client. */
    public B function(LocalLambda lambda) {
      this.function = FunctionInvoker.of(lambda);
      this.functionName =
          lambda.environment().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", functionName);
      return self();
    }

    /** Required (or {@link #function(LocalLambda)}): how to invoke the function. */
    public B function(FunctionInvoker function) {
      this.function = Objects.requireNonNull(function, "function");
      return self();
    }

    /** {@code BatchSize}: the most records per invocation, 1 to 10,000; default 100. */
    public B batchSize(int batchSize) {
      this.batchSize = batchSize;
      return self();
    }

    /**
     * {@code MaximumBatchingWindowInSeconds}: how long a shard gathers records before invoking
     * with fewer than {@link #batchSize(int)}, 0 (the default) to 300 s, counted from the first
     * record's arrival on the mapping's clock.
     */
    public B maximumBatchingWindow(Duration window) {
      this.batchingWindow = Objects.requireNonNull(window, "window");
      return self();
    }

    /** The function's timeout: the deadline each event carries; default 30 s. */
    public B functionTimeout(Duration functionTimeout) {
      this.functionTimeout = Objects.requireNonNull(functionTimeout, "functionTimeout");
      return self();
    }

    /**
     * {@code FunctionResponseTypes: [ReportBatchItemFailures]}; on by default. Off, any answer
     * that is not an error checkpoints past the batch.
     */
    public B reportBatchItemFailures(boolean reportBatchItemFailures) {
      this.reportBatchItemFailures = reportBatchItemFailures;
      return self();
    }

    /** {@code BisectBatchOnFunctionError}: split a failed batch in two before retrying. */
    public B bisectBatchOnFunctionError(boolean bisect) {
      this.bisectBatchOnFunctionError = bisect;
      return self();
    }

    /** {@code MaximumRetryAttempts}: -1 (the default, retry until the record expires) to 10,000. */
    public B maximumRetryAttempts(int attempts) {
      this.maximumRetryAttempts = attempts;
      return self();
    }

    /**
     * {@code MaximumRecordAgeInSeconds}: 60 s to 7 days, or {@code null} (the default, -1 on
     * Lambda) for no limit. Ages are measured on the mapping's {@link #clock(Clock)}, so a test
     * can age records with a {@code MutableClock} instead of waiting.
     */
    public B maximumRecordAge(Duration age) {
      this.maximumRecordAge = age;
      return self();
    }

    /**
     * {@code Enabled}: whether the mapping polls from the start (the default); a mapping built
     * disabled polls once {@code enable()} is called, so a test can put a whole batch first.
     */
    public B enabled(boolean enabled) {
      this.enabled = enabled;
      return self();
    }

    /** The clock for arrival times, record ages and batching windows; default the system's. */
    public B clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return self();
    }

    /** The region in ARNs and records; default us-east-1. */
    public B region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return self();
    }

    /** The account in ARNs; default 123456789012. */
    public B accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return self();
    }

    /** How long the poller waits when no shard has work; default 100 ms, at least 10 ms. */
    public B pollInterval(Duration pollInterval) {
      this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
      return self();
    }

    /** Checks the shared settings; adds each problem, naming the setting. */
    void validate(List<String> problems, int maxBatchSize) {
      if (function == null) {
        problems.add("[function] is required: function(localLambda)");
      }
      if (batchSize < 1 || batchSize > maxBatchSize) {
        problems.add("[batchSize] must be 1 to " + maxBatchSize + ", was " + batchSize);
      }
      if (batchingWindow.isNegative() || batchingWindow.compareTo(Duration.ofSeconds(300)) > 0) {
        problems.add("[maximumBatchingWindow] must be 0 to 300 s, was " + batchingWindow);
      }
      if (functionTimeout.isNegative() || functionTimeout.isZero()) {
        problems.add("[functionTimeout] must be positive, was " + functionTimeout);
      }
      if (maximumRetryAttempts < -1 || maximumRetryAttempts > 10_000) {
        problems.add(
            "[maximumRetryAttempts] must be -1 (infinite) to 10000, was " + maximumRetryAttempts);
      }
      if (maximumRecordAge != null
          && (maximumRecordAge.compareTo(Duration.ofSeconds(60)) < 0
              || maximumRecordAge.compareTo(Duration.ofDays(7)) > 0)) {
        problems.add(
            "[maximumRecordAge] must be 60 s to 7 days (or null for none), was "
                + maximumRecordAge
                + "; age records with a MutableClock rather than a shorter limit");
      }
      if (pollInterval.compareTo(Duration.ofMillis(10)) < 0) {
        problems.add("[pollInterval] must be at least 10 ms, was " + pollInterval);
      }
    }

    /** Throws if there are problems. */
    static void check(String what, List<String> problems) {
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(what + ": " + String.join("; ", problems));
      }
    }
  }
}
