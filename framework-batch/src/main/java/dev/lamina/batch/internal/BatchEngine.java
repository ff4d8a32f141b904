package dev.lamina.batch.internal;

import dev.lamina.batch.BatchConfig;
import dev.lamina.batch.BatchFailedException;
import dev.lamina.batch.BatchResponseException;
import dev.lamina.batch.RecordContext;
import dev.lamina.batch.RecordHandler;
import dev.lamina.core.Invocation;
import dev.lamina.core.metrics.InvocationMetrics;
import dev.lamina.core.metrics.LaminaMetric;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one record engine behind every batch source: decodes and dispatches records, collects
 * failures race-free, applies the source's ordering policy, stops before the deadline, builds the
 * response and checks it before it leaves. Created once per handler, at init; thread-safe (all
 * per-batch state lives in a {@link Run}).
 *
 * <p>Fail closed: a record counts as done only when its handler returned (or it failed for good,
 * as non-retryable). Before returning, every record not done must be covered by the response
 * (reported itself, or at or after a reported stream position), and every reported identifier
 * must be non-empty, unique and belong to the batch; otherwise the invocation fails and Lambda
 * retries the whole batch rather than lose a record.
 *
 * @param <E> the event type
 */
public final class BatchEngine<E> {
  private static final Logger log = LoggerFactory.getLogger("dev.lamina.batch.Batch");

  private final RecordSource<E> source;
  private final RecordDecoder decoder;
  private final RecordHandler<Object> handler;
  private final BatchConfig config;
  private final PerRecord perRecord;

  /**
   * @param source the event source's adapter
   * @param decoder decodes payloads into the handler's type
   * @param handler the user's record handler
   * @param config the settings
   * @param perRecord wraps each record's call (per-record idempotency, or directly)
   */
  @SuppressWarnings("unchecked")
  public BatchEngine(
      RecordSource<E> source,
      RecordDecoder decoder,
      RecordHandler<?> handler,
      BatchConfig config,
      PerRecord perRecord) {
    this.source = source;
    this.decoder = decoder;
    this.handler = (RecordHandler<Object>) handler;
    this.config = config;
    this.perRecord = perRecord;
  }

  /**
   * Processes one batch and returns the response Lambda expects.
   *
   * @throws BatchFailedException if every record failed and the settings say to fail then
   * @throws BatchResponseException if the response would not cover every record not done
   * @throws Error if a record handler threw one
   */
  public Object process(E event, Invocation invocation) throws InterruptedException {
    long started = System.nanoTime();
    Map<String, String> window = source.windowState(event);
    List<SourceRecord> records = source.records(event, invocation, window);
    Ordering ordering = source.ordering(event, config);
    Run run = new Run(records, ordering, invocation);
    run.execute();
    int[] status = run.snapshot();
    List<SourceRecord> reported = report(ordering, records, status);
    Object response = source.response(reported, window);
    check(response, records, status, ordering);
    Summary summary =
        new Summary(
            records.size(), status, reported.size(), (System.nanoTime() - started) / 1_000_000);
    summary.log(source.name());
    summary.count(invocation.metrics());
    if (summary.allFailed() && config.failWhenAllFail()) {
      throw new BatchFailedException(source.name(), records.size());
    }
    return response;
  }

  /** What to report, by policy; a record not done is always covered. */
  static List<SourceRecord> report(Ordering ordering, List<SourceRecord> records, int[] status) {
    List<SourceRecord> out = new ArrayList<>();
    switch (ordering) {
      case INDEPENDENT:
        for (SourceRecord r : records) {
          if (!RecordStatus.isDone(status[r.index()])) {
            out.add(r);
          }
        }
        break;
      case STOP_ALL_REPORT_REST:
        {
          int first = records.size();
          for (SourceRecord r : records) {
            if (status[r.index()] == RecordStatus.FAILED) {
              first = r.index();
              break;
            }
          }
          for (SourceRecord r : records) {
            if (r.index() >= first || !RecordStatus.isDone(status[r.index()])) {
              out.add(r);
            }
          }
          break;
        }
      case STOP_UNIT_REPORT_REST:
        {
          Set<String> failedUnits = new java.util.HashSet<>();
          for (SourceRecord r : records) {
            if (status[r.index()] == RecordStatus.FAILED && r.unit() != null) {
              failedUnits.add(r.unit());
            }
            boolean afterFailureInUnit = r.unit() != null && failedUnits.contains(r.unit());
            if (afterFailureInUnit || !RecordStatus.isDone(status[r.index()])) {
              out.add(r);
            }
          }
          break;
        }
      case STREAM_STOP:
        {
          SourceRecord lowest = null;
          for (SourceRecord r : records) {
            if (!RecordStatus.isDone(status[r.index()])
                && (lowest == null || compareSequence(r, lowest) < 0)) {
              lowest = r;
            }
          }
          if (lowest != null) {
            out.add(lowest);
          }
          break;
        }
      case STREAM_CONTINUE:
        for (SourceRecord r : records) {
          if (!RecordStatus.isDone(status[r.index()])) {
            out.add(r);
          }
        }
        out.sort(BatchEngine::compareSequence);
        break;
      default:
        { // PARTITION_STOP, PARTITION_CONTINUE: the lowest not done, per partition
          Map<String, SourceRecord> lowest = new LinkedHashMap<>();
          for (SourceRecord r : records) {
            if (!RecordStatus.isDone(status[r.index()])) {
              lowest.merge(r.unit(), r, (a, b) -> compareSequence(b, a) < 0 ? b : a);
            }
          }
          out.addAll(lowest.values());
        }
    }
    return distinct(out);
  }

  /** Duplicates in a batch (one SQS message delivered twice) share an identifier: report it once. */
  private static List<SourceRecord> distinct(List<SourceRecord> records) {
    Map<Object, SourceRecord> seen = new LinkedHashMap<>();
    for (SourceRecord r : records) {
      seen.putIfAbsent(r.reported() == null ? r : r.reported(), r);
    }
    return new ArrayList<>(seen.values());
  }

  private static int compareSequence(SourceRecord a, SourceRecord b) {
    if (a.sequence() == null || b.sequence() == null) {
      throw new BatchResponseException(
          "A "
              + (a.sequence() == null ? a : b).context().eventSource()
              + " record to report has no sequence number, so Lambda could not resume"
              + " from it; failing the invocation so the whole batch is retried rather than dropped"
              + " (record ["
              + (a.sequence() == null ? a : b).id()
              + "])");
    }
    return a.sequence().compareTo(b.sequence());
  }

  /** The fail-closed check of the response actually built. */
  private void check(Object response, List<SourceRecord> records, int[] status, Ordering ordering) {
    Map<Object, SourceRecord> batch = new HashMap<>();
    for (SourceRecord r : records) {
      if (r.reported() != null) {
        batch.putIfAbsent(r.reported(), r);
      }
    }
    List<Object> reported = source.reportedIdentifiers(response);
    Set<Object> seen = new java.util.HashSet<>();
    List<SourceRecord> reportedRecords = new ArrayList<>();
    for (Object id : reported) {
      if (id == null || (id instanceof String && ((String) id).isEmpty())) {
        throw new BatchResponseException(
            "The "
                + source.name()
                + " response would report an"
                + " empty identifier, which Lambda treats as a failure of the whole batch; a record"
                + " of this batch has no identifier: failing the invocation so every record is"
                + " retried");
      }
      if (!seen.add(id)) {
        throw new BatchResponseException(
            "The "
                + source.name()
                + " response would report ["
                + id
                + "] twice; failing the invocation so every record is retried");
      }
      SourceRecord r = batch.get(id);
      if (r == null) {
        throw new BatchResponseException(
            "The "
                + source.name()
                + " response would report ["
                + id
                + "], which is not a record of this batch; failing the invocation so every record is"
                + " retried");
      }
      reportedRecords.add(r);
    }
    for (SourceRecord r : records) {
      if (!RecordStatus.isDone(status[r.index()]) && !covered(r, reportedRecords, ordering)) {
        throw new BatchResponseException(
            "Record ["
                + r.id()
                + "] of the "
                + source.name()
                + " batch did not complete and the response would not cover it; failing the"
                + " invocation so every record is retried");
      }
    }
  }

  private static boolean covered(SourceRecord r, List<SourceRecord> reported, Ordering ordering) {
    for (SourceRecord x : reported) {
      boolean sameStream =
          ordering == Ordering.STREAM_STOP
              || ordering == Ordering.STREAM_CONTINUE
              || ((ordering == Ordering.PARTITION_STOP || ordering == Ordering.PARTITION_CONTINUE)
                  && java.util.Objects.equals(x.unit(), r.unit()));
      if (x.reported().equals(r.reported())
          || (sameStream
              && r.sequence() != null
              && x.sequence() != null
              && x.sequence().compareTo(r.sequence()) <= 0)) {
        return true;
      }
    }
    return false;
  }

  /** The time guard's margin for this invocation, or {@code null} if there is none. */
  private Duration margin(Invocation invocation) {
    Duration margin =
        config.timeGuardMargin() != null
            ? config.timeGuardMargin()
            : invocation.attribute(Invocation.SAFETY_MARGIN).orElse(null);
    return margin == null || margin.isZero() ? null : margin;
  }

  /** One batch being processed: its records' states and stop signals. */
  private final class Run {
    final List<SourceRecord> records;
    final Ordering ordering;
    final Invocation invocation;
    final Duration margin;

    /** When no record may start any more, in the invocation clock's millis; MAX_VALUE if never. */
    final long stopStartingAtMillis;

    final AtomicIntegerArray status;
    final Set<String> stoppedUnits = ConcurrentHashMap.newKeySet();
    final AtomicReference<Error> error = new AtomicReference<>();

    /**
     * The lowest index that failed, for policies where a failure stops what comes after it:
     * records after it that have not started do not start, and records before it (in other
     * lanes) still run, so what is reported is the same with workers as without.
     */
    final AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);

    final Map<String, String> logContext = MDC.getCopyOfContextMap();
    final int[] leader;

    /** Set by an {@code Error}: nothing more starts. */
    volatile boolean stopAll;

    volatile boolean cut;

    Run(List<SourceRecord> records, Ordering ordering, Invocation invocation) {
      this.records = records;
      this.ordering = ordering;
      this.invocation = invocation;
      this.margin = margin(invocation);
      this.stopStartingAtMillis =
          margin == null ? Long.MAX_VALUE : invocation.deadline().minus(margin).toEpochMilli();
      this.status = new AtomicIntegerArray(records.size());
      this.leader = duplicates(records);
    }

    /** For each record, the index of the first record with its duplicate key, or -1. */
    private int[] duplicates(List<SourceRecord> all) {
      int[] first = new int[all.size()];
      Map<String, Integer> byKey = new HashMap<>();
      for (SourceRecord r : all) {
        String key = perRecord.duplicateKey(r);
        Integer earlier = key == null ? null : byKey.putIfAbsent(key, r.index());
        first[r.index()] = earlier == null ? -1 : earlier;
      }
      return first;
    }

    void execute() throws InterruptedException {
      List<SourceRecord> runnable = new ArrayList<>(records.size());
      for (SourceRecord r : records) {
        if (leader[r.index()] < 0) {
          runnable.add(r);
        }
      }
      if (config.parallelism() == 1 && margin == null) {
        runLane(runnable); // on the invocation's own thread: nothing to abandon
      } else {
        runOnWorkers(config.parallelism() == 1 ? List.of(runnable) : lanes(runnable));
      }
      Error thrown = error.get();
      if (thrown != null) {
        throw thrown;
      }
    }

    /** Records grouped by ordering unit, in order of first appearance; no unit runs alone. */
    private List<List<SourceRecord>> lanes(List<SourceRecord> runnable) {
      Map<String, List<SourceRecord>> byUnit = new LinkedHashMap<>();
      List<List<SourceRecord>> lanes = new ArrayList<>();
      for (SourceRecord r : runnable) {
        if (r.unit() == null || ordering == Ordering.INDEPENDENT) {
          lanes.add(List.of(r));
        } else {
          byUnit
              .computeIfAbsent(
                  r.unit(),
                  u -> {
                    List<SourceRecord> lane = new ArrayList<>();
                    lanes.add(lane);
                    return lane;
                  })
              .add(r);
        }
      }
      return lanes;
    }

    private void runOnWorkers(List<List<SourceRecord>> lanes) throws InterruptedException {
      ConcurrentLinkedQueue<List<SourceRecord>> queue = new ConcurrentLinkedQueue<>(lanes);
      int workers = Math.max(1, Math.min(config.parallelism(), lanes.size()));
      CountDownLatch done = new CountDownLatch(workers);
      List<Thread> threads = new ArrayList<>(workers);
      for (int i = 0; i < workers; i++) {
        Thread t = new Thread(new Worker(queue, done), "lamina-batch-" + i);
        t.setDaemon(true);
        threads.add(t);
        t.start();
      }
      if (margin == null) {
        done.await();
      } else {
        long waitMillis = invocation.remaining().minus(config.responseReserve()).toMillis();
        if (!done.await(Math.max(0, waitMillis), TimeUnit.MILLISECONDS)) {
          // Out of time: nothing more starts, and whatever still runs is reported for retry.
          cut = true;
          threads.forEach(Thread::interrupt);
          return;
        }
      }
      for (Thread t : threads) {
        t.join(); // all have counted down: this only waits for them to end, so none outlives us
      }
    }

    /**
     * Takes lanes until none is left. Named classes rather than lambdas on this path: each
     * lambda costs the cold start a bootstrap.
     */
    private final class Worker implements Runnable {
      private final ConcurrentLinkedQueue<List<SourceRecord>> queue;
      private final CountDownLatch done;

      Worker(ConcurrentLinkedQueue<List<SourceRecord>> queue, CountDownLatch done) {
        this.queue = queue;
        this.done = done;
      }

      @Override
      public void run() {
        try {
          restoreLogContext();
          List<SourceRecord> lane;
          while ((lane = queue.poll()) != null) {
            runLane(lane);
          }
        } finally {
          MDC.clear();
          done.countDown();
        }
      }
    }

    /** One record's work: decode it and hand it to the record handler. */
    private final class Handle implements PerRecord.Work {
      private final SourceRecord record;

      Handle(SourceRecord record) {
        this.record = record;
      }

      @Override
      public void run() throws Exception {
        handler.handle(decoder.decode(record), record.context());
      }
    }

    void runLane(List<SourceRecord> lane) {
      for (SourceRecord r : lane) {
        runOne(r);
      }
    }

    private void runOne(SourceRecord r) {
      int i = r.index();
      if (stopAll
          || r.index() > firstFailure.get()
          || (r.unit() != null && stoppedUnits.contains(r.unit()))) {
        status.set(i, RecordStatus.SKIPPED);
        return;
      }
      if (cut || invocation.clock().millis() >= stopStartingAtMillis) {
        cut = true;
        status.set(i, RecordStatus.CUT);
        return;
      }
      status.set(i, RecordStatus.RUNNING);
      MDC.put(RecordContext.LOG_RECORD_ID, r.id());
      if (r.context().eventSource() != null) {
        MDC.put(RecordContext.LOG_EVENT_SOURCE, r.context().eventSource());
      }
      try {
        perRecord.run(r, new Handle(r));
        status.compareAndSet(i, RecordStatus.RUNNING, RecordStatus.SUCCEEDED);
      } catch (Exception failure) {
        failed(r, failure);
      } catch (Error fatal) {
        error.compareAndSet(null, fatal);
        stopAll = true;
        status.set(i, RecordStatus.FAILED);
      } finally {
        restoreLogContext();
      }
    }

    private void failed(SourceRecord r, Exception failure) {
      if (config.isNonRetryable(failure)) {
        try {
          if (config.onNonRetryable() != null) {
            config.onNonRetryable().handle(r.context(), failure);
          }
          log.atWarn()
              .addKeyValue("record_id", r.id())
              .addKeyValue("exception", failure.getClass().getName())
              .log(
                  "Record [{}] failed with non-retryable {}; it is not retried",
                  r.id(),
                  failure.getClass().getName());
          status.set(r.index(), RecordStatus.NON_RETRYABLE);
          return;
        } catch (Exception hookFailure) {
          log.atWarn()
              .addKeyValue("record_id", r.id())
              .log(
                  "The non-retryable hook failed for record [{}] ({}); the record is reported"
                      + " for retry instead",
                  r.id(),
                  hookFailure.getClass().getName());
        }
      } else {
        log.atWarn()
            .addKeyValue("record_id", r.id())
            .addKeyValue("exception", failure.getClass().getName())
            .log("Record [{}] failed with {}", r.id(), failure.getClass().getName());
      }
      status.set(r.index(), RecordStatus.FAILED);
      if (ordering.failureStopsAll()) {
        int seen;
        do {
          seen = firstFailure.get();
        } while (r.index() < seen && !firstFailure.compareAndSet(seen, r.index()));
      } else if (ordering.failureStopsUnit() && r.unit() != null) {
        stoppedUnits.add(r.unit());
      }
    }

    private void restoreLogContext() {
      if (logContext == null || logContext.isEmpty()) {
        MDC.clear();
      } else {
        MDC.setContextMap(logContext);
      }
    }

    /** The states now; records still running (cut by the deadline) count as not done. */
    int[] snapshot() {
      int[] out = new int[records.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = status.get(i);
      }
      for (int i = 0; i < out.length; i++) {
        if (leader[i] >= 0) {
          out[i] = out[leader[i]]; // a duplicate in the batch ends as its first copy ended
        } else if (out[i] == RecordStatus.RUNNING || out[i] == RecordStatus.PENDING) {
          out[i] = RecordStatus.CUT;
        }
      }
      return out;
    }
  }

  /** The batch's one log line. */
  private static final class Summary {
    final int records;
    final int succeeded;
    final int failed;
    final int nonRetryable;
    final int skipped;
    final int cut;
    final int reported;
    final long millis;

    Summary(int records, int[] status, int reported, long millis) {
      int s = 0;
      int f = 0;
      int n = 0;
      int k = 0;
      int c = 0;
      for (int st : status) {
        switch (st) {
          case RecordStatus.SUCCEEDED:
            s++;
            break;
          case RecordStatus.FAILED:
            f++;
            break;
          case RecordStatus.NON_RETRYABLE:
            n++;
            break;
          case RecordStatus.SKIPPED:
            k++;
            break;
          default:
            c++;
        }
      }
      this.records = records;
      this.succeeded = s;
      this.failed = f;
      this.nonRetryable = n;
      this.skipped = k;
      this.cut = c;
      this.reported = reported;
      this.millis = millis;
    }

    void count(InvocationMetrics metrics) {
      metrics.count(LaminaMetric.BATCH_RECORDS_SUCCEEDED, succeeded);
      metrics.count(LaminaMetric.BATCH_RECORDS_FAILED, failed);
      metrics.count(LaminaMetric.BATCH_RECORDS_SKIPPED, skipped);
      metrics.count(LaminaMetric.BATCH_RECORDS_NON_RETRYABLE, nonRetryable);
      metrics.count(LaminaMetric.BATCH_RECORDS_CUT, cut);
    }

    boolean allFailed() {
      return records > 0 && succeeded == 0 && nonRetryable == 0;
    }

    void log(String source) {
      if (cut > 0) {
        log.atWarn()
            .addKeyValue("batch_cut", cut)
            .log(
                "The time guard cut {} of {} {} records; they are reported for retry",
                cut,
                records,
                source);
      }
      log.atInfo()
          .addKeyValue("batch_source", source)
          .addKeyValue("batch_records", records)
          .addKeyValue("batch_succeeded", succeeded)
          .addKeyValue("batch_failed", failed)
          .addKeyValue("batch_non_retryable", nonRetryable)
          .addKeyValue("batch_skipped", skipped)
          .addKeyValue("batch_cut", cut)
          .addKeyValue("batch_reported", reported)
          .addKeyValue("batch_duration_ms", millis)
          .log(
              "Processed {} {} records: {} succeeded, {} failed, {} non-retryable, {} skipped"
                  + " after a failure, {} cut by the time guard",
              records,
              source,
              succeeded,
              failed,
              nonRetryable,
              skipped,
              cut);
    }
  }
}
