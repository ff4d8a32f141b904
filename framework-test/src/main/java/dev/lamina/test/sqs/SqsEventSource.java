package dev.lamina.test.sqs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamina.test.FakeContext;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.eventsource.Delivery;
import dev.lamina.test.eventsource.EventSourceException;
import dev.lamina.test.eventsource.FunctionInvoker;
import dev.lamina.test.internal.BatchResponses;
import dev.lamina.test.internal.PollingLoop;
import dev.lamina.test.internal.PollingLoop.State;
import dev.lamina.test.internal.SdkPresence;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * A real SQS queue (on {@link ElasticMq}, or any SQS endpoint) wired to a function by a local
 * event source mapping that behaves like Lambda's: it polls the queue with the real
 * {@code SqsClient}, invokes the function with the {@code SQSEvent} JSON Lambda builds, and acts on
 * the answer as Lambda does with {@code ReportBatchItemFailures}:
 *
 * <ul>
 *   <li>a success deletes the whole batch; a valid partial batch response deletes every message
 *       it does not name, and the named ones reappear after the queue's visibility timeout;
 *   <li>an error, a timeout or an invalid response (not JSON, an empty, null or unknown
 *       {@code itemIdentifier}, a bad key name) fails the whole batch: nothing is deleted;
 *   <li>a queue with a redrive policy moves a message that keeps failing to its dead-letter queue
 *       once it has been received {@code maxReceiveCount} times (SQS itself does that);
 *   <li>on a FIFO queue, SQS returns no message of a group while an earlier one of that group is
 *       in flight, and the mapping invokes one batch at a time, so each message group has at most
 *       one batch in flight and is blocked while its failed messages wait to be retried; other
 *       groups go on.
 * </ul>
 *
 * <p>Every delivery is recorded ({@link #deliveries()}), as are the deletions ({@link #deleted()});
 * {@link #deadLetters()} reads the dead-letter queue. {@link #awaitIdle(Duration)} waits until the
 * queue has no message left, visible, in flight or delayed, and no invocation is running. See the
 * README's table for what this mapping leaves out (scaling, long polling, exact timing).
 *
 * <p>Thread-safe: tests send from any thread while the mapping's daemon poller thread invokes the
 * function, one batch at a time. Always {@link #close()} it; that stops the poller (after the
 * invocation in flight) and closes the client it built, not one it was given. Needs
 * {@code software.amazon.awssdk:sqs} and {@code url-connection-client} on the test class path.
 *
 * <pre>{@code
 * try (ElasticMq sqs = ElasticMq.builder().start();
 *      LocalLambda lambda = LocalLambda.builder().handler(...).classPath(...).start();
 *      SqsEventSource orders = SqsEventSource.builder()
 *          .elasticMq(sqs)
 *          .queueName("orders")
 *          .visibilityTimeout(Duration.ofSeconds(1))
 *          .deadLetterQueue("orders-dlq", 3)
 *          .function(lambda)
 *          .start()) {
 *   String id = orders.send("{\"orderId\":\"o-1\",\"quantity\":2}");
 *   orders.awaitIdle(Duration.ofSeconds(30));
 *   assertEquals(List.of(id), orders.deleted());
 * }
 * }</pre>
 */
public final class SqsEventSource implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The message system attributes Lambda puts in {@code attributes}, in Lambda's order. */
  private static final List<String> ATTRIBUTES =
      List.of(
          "ApproximateReceiveCount",
          "SentTimestamp",
          "SequenceNumber",
          "MessageGroupId",
          "SenderId",
          "MessageDeduplicationId",
          "ApproximateFirstReceiveTimestamp",
          "AWSTraceHeader");

  private final SqsClient client;
  private final boolean ownClient;
  private final String queueUrl;
  private final String queueArn;
  private final String deadLetterQueueUrl;
  private final boolean fifo;
  private final int batchSize;
  private final Duration batchingWindow;
  private final Duration functionTimeout;
  private final boolean reportBatchItemFailures;
  private final String region;
  private final FunctionInvoker function;
  private final Clock clock;
  private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
  private final List<String> deleted = Collections.synchronizedList(new ArrayList<>());
  private final List<String> notDeleted = Collections.synchronizedList(new ArrayList<>());
  private final PollingLoop loop;
  private volatile boolean invoking;
  private volatile Map<String, String> lastCounts = Map.of();

  private SqsEventSource(
      Builder b,
      SqsClient client,
      boolean ownClient,
      String queueUrl,
      String queueArn,
      String deadLetterQueueUrl,
      boolean fifo) {
    this.client = client;
    this.ownClient = ownClient;
    this.queueUrl = queueUrl;
    this.queueArn = queueArn;
    this.deadLetterQueueUrl = deadLetterQueueUrl;
    this.fifo = fifo;
    this.batchSize = b.batchSize;
    this.batchingWindow = b.batchingWindow;
    this.functionTimeout = b.functionTimeout;
    this.reportBatchItemFailures = b.reportBatchItemFailures;
    this.region = b.region;
    this.function = b.function;
    this.clock = b.clock;
    this.loop =
        new PollingLoop(
            "lamina-sqs-mapping-" + queueArn.substring(queueArn.lastIndexOf(':') + 1),
            b.pollInterval,
            b.enabled,
            this::poll);
  }

  /** A builder; {@link Builder#function(LocalLambda)} and a queue are required. */
  public static Builder builder() {
    SdkPresence.require(
        "software.amazon.awssdk.services.sqs.SqsClient",
        "software.amazon.awssdk:sqs, software.amazon.awssdk:url-connection-client",
        "SqsEventSource");
    return new Builder();
  }

  /** The queue's URL. */
  public String queueUrl() {
    return queueUrl;
  }

  /** The queue's ARN, the {@code eventSourceARN} of every record. */
  public String queueArn() {
    return queueArn;
  }

  /** Whether the queue is a FIFO queue. */
  public boolean isFifo() {
    return fifo;
  }

  /** The dead-letter queue's URL, if the builder created one. */
  public Optional<String> deadLetterQueueUrl() {
    return Optional.ofNullable(deadLetterQueueUrl);
  }

  /** The client the mapping polls with; tests may use it too. */
  public SqsClient client() {
    return client;
  }

  /**
   * Sends a message to a standard queue and wakes the poller.
   *
   * @return the message id, as the event's {@code messageId} will carry it
   * @throws IllegalStateException on a FIFO queue, which needs a message group
   */
  public String send(String body) {
    if (fifo) {
      throw new IllegalStateException(
          "[" + queueUrl + "] is a FIFO queue: use send(body, " + "messageGroupId)");
    }
    return send(r -> r.messageBody(body));
  }

  /**
   * Sends a message to a FIFO queue, in {@code messageGroupId}, with a fresh deduplication id, and
   * wakes the poller.
   *
   * @return the message id
   * @throws IllegalStateException on a standard queue
   */
  public String send(String body, String messageGroupId) {
    if (!fifo) {
      throw new IllegalStateException("[" + queueUrl + "] is a standard queue: use send(body)");
    }
    return send(
        r ->
            r.messageBody(body)
                .messageGroupId(messageGroupId)
                .messageDeduplicationId(UUID.randomUUID().toString()));
  }

  /**
   * Sends a message built by {@code request} (body, message attributes, delay, group and
   * deduplication ids) to the queue, and wakes the poller. The queue URL is set for you.
   *
   * @return the message id
   */
  public String send(Consumer<SendMessageRequest.Builder> request) {
    SendMessageRequest.Builder builder = SendMessageRequest.builder();
    request.accept(builder);
    String id = client.sendMessage(builder.queueUrl(queueUrl).build()).messageId();
    loop.wake();
    return id;
  }

  /**
   * Waits until the queue has no message visible, in flight or delayed and no invocation is
   * running, as observed by a poll that started after this call.
   *
   * @throws EventSourceException if that does not happen within {@code timeout} (the message
   *     says what is left on the queue and what the last deliveries were), or the poller failed
   */
  public void awaitIdle(Duration timeout) {
    loop.awaitIdle(timeout, this::describe);
  }

  /**
   * Starts polling, for a mapping built {@code enabled(false)}: messages sent before come in
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

  /** The invocations whose batch held {@code messageId}, in order. */
  public List<Delivery> deliveriesOf(String messageId) {
    return deliveries().stream().filter(d -> d.contains(messageId)).collect(Collectors.toList());
  }

  /** The message ids the mapping deleted, in the order it deleted them. */
  public List<String> deleted() {
    synchronized (deleted) {
      return List.copyOf(deleted);
    }
  }

  /**
   * The message ids the mapping meant to delete but SQS refused, because their receipt expired
   * while the batch was gathered or processed (a visibility timeout shorter than the batching
   * window or the invocation); they come back, as on Lambda. In order.
   */
  public List<String> notDeleted() {
    synchronized (notDeleted) {
      return List.copyOf(notDeleted);
    }
  }

  /**
   * The message ids that were delivered more than once: left on the queue by a failure and
   * received again.
   */
  public Set<String> retried() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Delivery d : deliveries()) {
      d.recordIds().forEach(id -> counts.merge(id, 1, Integer::sum));
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * The messages now in the dead-letter queue, oldest first as the queue returns them. Reading
   * them receives them and makes them visible again at once, so it can be repeated; each read adds
   * one to their receive count there.
   *
   * @throws IllegalStateException if the builder created no dead-letter queue
   */
  public List<Message> deadLetters() {
    if (deadLetterQueueUrl == null) {
      throw new IllegalStateException(
          "["
              + queueUrl
              + "] has no dead-letter queue: set "
              + "deadLetterQueue(name, maxReceiveCount) on the builder");
    }
    List<Message> all = new ArrayList<>();
    while (true) {
      List<Message> page =
          client
              .receiveMessage(
                  r ->
                      r.queueUrl(deadLetterQueueUrl)
                          .maxNumberOfMessages(10)
                          .visibilityTimeout(30)
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                          .messageAttributeNames("All"))
              .messages();
      if (page.isEmpty()) {
        break;
      }
      all.addAll(page);
    }
    for (int i = 0; i < all.size(); i += 10) {
      List<Message> chunk = all.subList(i, Math.min(all.size(), i + 10));
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      for (int j = 0; j < chunk.size(); j++) {
        entries.add(
            ChangeMessageVisibilityBatchRequestEntry.builder()
                .id("m" + j)
                .receiptHandle(chunk.get(j).receiptHandle())
                .visibilityTimeout(0)
                .build());
      }
      client.changeMessageVisibilityBatch(r -> r.queueUrl(deadLetterQueueUrl).entries(entries));
    }
    return List.copyOf(all);
  }

  /** Stops the poller after the invocation in flight, if any. Idempotent. */
  @Override
  public void close() {
    loop.close(functionTimeout.plus(BatchResponses.LATE_ANSWER_WAIT).plusSeconds(5));
    if (ownClient) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "SqsEventSource[" + queueArn + "]";
  }

  // ---- the poller ----

  private State poll() throws InterruptedException {
    List<Message> batch = new ArrayList<>(receive(Math.min(10, batchSize)));
    if (batch.isEmpty()) {
      return queueIsEmpty() ? State.IDLE : State.WAITING;
    }
    if (!batchingWindow.isZero()) {
      long end = System.nanoTime() + batchingWindow.toNanos();
      while (batch.size() < batchSize && System.nanoTime() < end && !loop.isClosed()) {
        List<Message> more = receive(Math.min(10, batchSize - batch.size()));
        if (more.isEmpty()) {
          loop.pause(Duration.ofNanos(Math.min(end - System.nanoTime(), 50_000_000L)));
        }
        for (Message m : more) {
          // A window longer than the visibility timeout receives a message again: keep the
          // latest receipt, the only one SQS still accepts for a delete.
          batch.removeIf(old -> old.messageId().equals(m.messageId()));
          batch.add(m);
        }
      }
    }
    invoking = true;
    try {
      invoke(batch);
    } finally {
      invoking = false;
    }
    return State.WORKED;
  }

  private List<Message> receive(int max) {
    return client
        .receiveMessage(
            r ->
                r.queueUrl(queueUrl)
                    .maxNumberOfMessages(max)
                    .waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All"))
        .messages();
  }

  private boolean queueIsEmpty() {
    Map<String, String> counts =
        client
            .getQueueAttributes(
                r ->
                    r.queueUrl(queueUrl)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
            .attributesAsStrings();
    lastCounts = Map.copyOf(counts);
    return counts.values().stream().allMatch("0"::equals);
  }

  private void invoke(List<Message> batch) {
    String event = event(batch);
    Set<String> ids =
        batch.stream().map(Message::messageId).collect(Collectors.toCollection(LinkedHashSet::new));
    java.time.Instant invokedAt = clock.instant();
    BatchResponses.Answer answer =
        BatchResponses.invoke(
            function,
            event,
            functionTimeout,
            BatchResponses::textual,
            ids,
            reportBatchItemFailures);
    deliveries.add(
        new Delivery(
            deliveries.size() + 1,
            queueArn,
            new ArrayList<>(ids),
            event,
            answer.outcome(),
            answer.reported(),
            answer.detail(),
            answer.result(),
            invokedAt));
    if (answer.outcome().isBatchFailure()) {
      return;
    }
    Set<String> keep = new LinkedHashSet<>(answer.reported());
    List<Message> done =
        batch.stream().filter(m -> !keep.contains(m.messageId())).collect(Collectors.toList());
    delete(done);
  }

  private void delete(List<Message> messages) {
    for (int i = 0; i < messages.size(); i += 10) {
      List<Message> chunk = messages.subList(i, Math.min(messages.size(), i + 10));
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int j = 0; j < chunk.size(); j++) {
        entries.add(
            DeleteMessageBatchRequestEntry.builder()
                .id("m" + j)
                .receiptHandle(chunk.get(j).receiptHandle())
                .build());
      }
      DeleteMessageBatchResponse response =
          client.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
      Set<String> failed = response.failed().stream().map(f -> f.id()).collect(Collectors.toSet());
      for (int j = 0; j < chunk.size(); j++) {
        // A receipt that expired (the invocation outlasted the visibility timeout) cannot delete:
        // the message comes back, as it would on Lambda.
        (failed.contains("m" + j) ? notDeleted : deleted).add(chunk.get(j).messageId());
      }
    }
  }

  /** The {@code SQSEvent} JSON Lambda sends for {@code batch}. */
  String event(List<Message> batch) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode records = root.putArray("Records");
    for (Message m : batch) {
      ObjectNode r = records.addObject();
      r.put("messageId", m.messageId());
      r.put("receiptHandle", m.receiptHandle());
      r.put("body", m.body());
      ObjectNode attributes = r.putObject("attributes");
      Map<String, String> system = m.attributesAsStrings();
      for (String name : ATTRIBUTES) {
        String value = system.get(name);
        if (value != null) {
          attributes.put(name, value);
        }
      }
      ObjectNode messageAttributes = r.putObject("messageAttributes");
      m.messageAttributes().forEach((name, value) -> messageAttributes.set(name, attribute(value)));
      r.put("md5OfBody", m.md5OfBody());
      if (!m.messageAttributes().isEmpty() && m.md5OfMessageAttributes() != null) {
        r.put("md5OfMessageAttributes", m.md5OfMessageAttributes());
      }
      r.put("eventSource", "aws:sqs");
      r.put("eventSourceARN", queueArn);
      r.put("awsRegion", region);
    }
    return root.toString();
  }

  private static ObjectNode attribute(MessageAttributeValue value) {
    ObjectNode a = JSON.createObjectNode();
    if (value.stringValue() != null) {
      a.put("stringValue", value.stringValue());
    }
    if (value.binaryValue() != null) {
      a.put("binaryValue", Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
    }
    ArrayNode strings = a.putArray("stringListValues");
    value.stringListValues().forEach(strings::add);
    ArrayNode binaries = a.putArray("binaryListValues");
    value
        .binaryListValues()
        .forEach(b -> binaries.add(Base64.getEncoder().encodeToString(b.asByteArray())));
    a.put("dataType", value.dataType());
    return a;
  }

  private String describe() {
    List<Delivery> all = deliveries();
    List<Delivery> last = all.subList(Math.max(0, all.size() - 5), all.size());
    return "queue ["
        + queueUrl
        + "] still holds "
        + lastCounts
        + (invoking ? ", an invocation is running" : "")
        + "; "
        + all.size()
        + " deliveries, the last: "
        + last
        + (loop.failure() == null ? "" : "; the poller failed: " + loop.failure());
  }

  /**
   * Configures a queue and its mapping, and starts them. Not thread-safe. Either name a queue to
   * create ({@link #queueName(String)}, with its attributes here) or give an existing one's URL
   * ({@link #queueUrl(String)}).
   */
  public static final class Builder {
    private SqsClient client;
    private URI endpoint;
    private String queueName;
    private String queueUrl;
    private Duration visibilityTimeout = Duration.ofSeconds(30);
    private boolean contentBasedDeduplication;
    private String deadLetterQueueName;
    private int maxReceiveCount;
    private int batchSize = 10;
    private Duration batchingWindow = Duration.ZERO;
    private Duration functionTimeout = Duration.ofSeconds(30);
    private boolean reportBatchItemFailures = true;
    private String region = FakeContext.DEFAULT_REGION;
    private FunctionInvoker function;
    private Duration pollInterval = Duration.ofMillis(100);
    private Clock clock = Clock.systemUTC();
    private boolean enabled = true;

    private Builder() {}

    /**
     * {@code Enabled}: whether the mapping polls from the start (the default); a mapping built
     * disabled polls once {@link SqsEventSource#enable()} is called, so a test can send a whole
     * batch first.
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Polls this ElasticMQ server, in its region. */
    public Builder elasticMq(ElasticMq server) {
      Objects.requireNonNull(server, "server");
      this.endpoint = server.endpoint();
      this.region = server.region();
      return this;
    }

    /** Polls this SQS endpoint, with a client built on it (dummy credentials). */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** Polls with this client (not closed by {@link SqsEventSource#close()}). */
    public Builder client(SqsClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Creates this queue (or reuses it, if it exists with the same attributes); a name ending in
     * {@code .fifo} makes a FIFO queue.
     */
    public Builder queueName(String queueName) {
      this.queueName = Objects.requireNonNull(queueName, "queueName");
      return this;
    }

    /** Maps an existing queue instead of creating one; the attributes below are then ignored. */
    public Builder queueUrl(String queueUrl) {
      this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
      return this;
    }

    /** The created queue's visibility timeout, whole seconds; default 30 s, as SQS's. */
    public Builder visibilityTimeout(Duration visibilityTimeout) {
      this.visibilityTimeout = Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
      return this;
    }

    /** For a created FIFO queue: deduplicate by the body's SHA-256. Default off. */
    public Builder contentBasedDeduplication(boolean contentBasedDeduplication) {
      this.contentBasedDeduplication = contentBasedDeduplication;
      return this;
    }

    /**
     * Creates a dead-letter queue (FIFO if the queue is) and gives the created queue a redrive
     * policy to it: a message received {@code maxReceiveCount} times and not deleted moves there.
     */
    public Builder deadLetterQueue(String name, int maxReceiveCount) {
      this.deadLetterQueueName = Objects.requireNonNull(name, "name");
      this.maxReceiveCount = maxReceiveCount;
      return this;
    }

    /**
     * {@code BatchSize}: the most messages per invocation; default 10. Standard queues take 1 to
     * 10,000 (more than 10 only with a batching window), FIFO queues 1 to 10, as on Lambda.
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /**
     * {@code MaximumBatchingWindowInSeconds}: how long to gather messages before invoking with
     * fewer than {@link #batchSize(int)}; 0 (the default) to 300 s.
     */
    public Builder maximumBatchingWindow(Duration window) {
      this.batchingWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /** The function's timeout: the deadline each event carries; default 30 s. */
    public Builder functionTimeout(Duration functionTimeout) {
      this.functionTimeout = Objects.requireNonNull(functionTimeout, "functionTimeout");
      return this;
    }

    /**
     * {@code FunctionResponseTypes: [ReportBatchItemFailures]}; on by default. Off, any answer
     * that is not an error deletes the whole batch, as Lambda then ignores the response.
     */
    public Builder reportBatchItemFailures(boolean reportBatchItemFailures) {
      this.reportBatchItemFailures = reportBatchItemFailures;
      return this;
    }

    /** The records' {@code awsRegion}; default the ElasticMQ server's region, else us-east-1. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** Required: the function, running under the real runtime client. */
    public Builder function(LocalLambda lambda) {
      this.function = FunctionInvoker.of(lambda);
      return this;
    }

    /** Required (or {@link #function(LocalLambda)}): how to invoke the function. */
    public Builder function(FunctionInvoker function) {
      this.function = Objects.requireNonNull(function, "function");
      return this;
    }

    /** How long the poller waits after an empty receive; default 100 ms, at least 10 ms. */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
      return this;
    }

    /** The clock for {@link Delivery#invokedAt()}; default the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Validates the settings, creates the queues if asked, and starts polling.
     *
     * @throws IllegalArgumentException naming every bad setting
     * @throws EventSourceException if the queue cannot be created or read
     */
    public SqsEventSource start() {
      validate();
      boolean own = client == null;
      SqsClient sqs =
          own
              ? SqsClient.builder()
                  .endpointOverride(endpoint)
                  .region(Region.of(region))
                  .credentialsProvider(
                      StaticCredentialsProvider.create(
                          AwsBasicCredentials.create("lamina", "lamina")))
                  .httpClient(UrlConnectionHttpClient.create())
                  .build()
              : client;
      try {
        return create(sqs, own);
      } catch (RuntimeException e) {
        if (own) {
          sqs.close();
        }
        if (e instanceof EventSourceException) {
          throw e;
        }
        throw new EventSourceException(
            "Cannot set up the queue ["
                + (queueUrl != null ? queueUrl : queueName)
                + "]: "
                + e.getMessage(),
            e);
      }
    }

    private SqsEventSource create(SqsClient sqs, boolean own) {
      String url;
      String dlqUrl = null;
      boolean isFifo;
      if (queueUrl != null) {
        url = queueUrl;
        Map<String, String> attributes =
            sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings();
        isFifo = "true".equals(attributes.get("FifoQueue"));
      } else {
        isFifo = queueName.endsWith(".fifo");
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        attributes.put(
            QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(visibilityTimeout.toSeconds()));
        if (isFifo) {
          attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
          if (contentBasedDeduplication) {
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true");
          }
        }
        if (deadLetterQueueName != null) {
          Map<QueueAttributeName, String> dlqAttributes = new LinkedHashMap<>();
          if (isFifo) {
            dlqAttributes.put(QueueAttributeName.FIFO_QUEUE, "true");
          }
          dlqUrl =
              sqs.createQueue(r -> r.queueName(deadLetterQueueName).attributes(dlqAttributes))
                  .queueUrl();
          String dlqUrlFinal = dlqUrl;
          String dlqArn =
              sqs.getQueueAttributes(
                      r -> r.queueUrl(dlqUrlFinal).attributeNames(QueueAttributeName.QUEUE_ARN))
                  .attributesAsStrings()
                  .get("QueueArn");
          attributes.put(
              QueueAttributeName.REDRIVE_POLICY,
              "{\"deadLetterTargetArn\":\""
                  + dlqArn
                  + "\",\"maxReceiveCount\":\""
                  + maxReceiveCount
                  + "\"}");
        }
        url = sqs.createQueue(r -> r.queueName(queueName).attributes(attributes)).queueUrl();
      }
      String arn =
          sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
              .attributesAsStrings()
              .get("QueueArn");
      if (arn == null) {
        throw new EventSourceException("The queue [" + url + "] has no QueueArn attribute");
      }
      return new SqsEventSource(this, sqs, own, url, arn, dlqUrl, isFifo);
    }

    private void validate() {
      List<String> problems = new ArrayList<>();
      if (function == null) {
        problems.add("[function] is required: function(localLambda)");
      }
      if (client == null && endpoint == null) {
        problems.add("[endpoint] is required: elasticMq(server), endpoint(uri) or client(sqs)");
      }
      if ((queueName == null) == (queueUrl == null)) {
        problems.add(
            "exactly one of [queueName] (to create a queue) and [queueUrl] (an existing "
                + "one) is required");
      }
      boolean isFifo = queueName != null && queueName.endsWith(".fifo");
      if (deadLetterQueueName != null) {
        if (queueUrl != null) {
          problems.add(
              "[deadLetterQueue] only applies to a queue the builder creates " + "(queueName)");
        }
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
          problems.add("[maxReceiveCount] must be 1 to 1000, was " + maxReceiveCount);
        }
        if (isFifo != deadLetterQueueName.endsWith(".fifo")) {
          problems.add(
              "[deadLetterQueue] of a "
                  + (isFifo ? "FIFO" : "standard")
                  + " queue must be "
                  + (isFifo ? "FIFO too (end in .fifo)" : "standard too"));
        }
      }
      long visibility = visibilityTimeout.toMillis();
      if (visibility < 0 || visibility > 43_200_000 || visibility % 1000 != 0) {
        problems.add(
            "[visibilityTimeout] must be whole seconds from 0 to 12 hours, was "
                + visibilityTimeout);
      }
      if (batchingWindow.isNegative() || batchingWindow.compareTo(Duration.ofSeconds(300)) > 0) {
        problems.add("[maximumBatchingWindow] must be 0 to 300 s, was " + batchingWindow);
      }
      int max = isFifo ? 10 : 10_000;
      if (batchSize < 1 || batchSize > max) {
        problems.add(
            "[batchSize] must be 1 to "
                + max
                + (isFifo ? " for a FIFO queue" : "")
                + ", was "
                + batchSize);
      } else if (batchSize > 10 && batchingWindow.compareTo(Duration.ofSeconds(1)) < 0) {
        problems.add(
            "[batchSize] above 10 needs a [maximumBatchingWindow] of at least 1 s, as on "
                + "Lambda");
      }
      if (functionTimeout.isNegative() || functionTimeout.isZero()) {
        problems.add("[functionTimeout] must be positive, was " + functionTimeout);
      }
      if (pollInterval.compareTo(Duration.ofMillis(10)) < 0) {
        problems.add("[pollInterval] must be at least 10 ms, was " + pollInterval);
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("SqsEventSource: " + String.join("; ", problems));
      }
    }
  }
}
