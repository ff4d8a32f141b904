package dev.lamina.test.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.test.LocalLambda;
import dev.lamina.test.TestHandlers;
import dev.lamina.test.eventsource.Delivery;
import dev.lamina.test.eventsource.Delivery.Outcome;
import dev.lamina.test.handlers.BatchCommandHandler;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The SQS mapping's contract on a real queue (ElasticMQ), against a tiny batch function (not
 * Lamina) under the real runtime client: what is deleted, what comes back after the visibility
 * timeout, what an invalid answer or a timeout does, and the event Lambda builds. One server and
 * one function serve the class; each test has its own queues, with a 1 s visibility timeout.
 */
class SqsMappingContractTest {

  private static final Duration IDLE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger QUEUES = new AtomicInteger();
  private static ElasticMq sqs;
  private static LocalLambda lambda;

  @BeforeAll
  static void start() {
    sqs = ElasticMq.builder().start();
    lambda =
        LocalLambda.builder()
            .handler(TestHandlers.handler(BatchCommandHandler.class))
            .classPath(TestHandlers.classPath())
            .functionName("batch-commands")
            .start();
  }

  @AfterAll
  static void stop() {
    if (lambda != null) {
      lambda.close();
    }
    if (sqs != null) {
      sqs.close();
    }
  }

  private static SqsEventSource.Builder queue() {
    int n = QUEUES.incrementAndGet();
    return SqsEventSource.builder()
        .elasticMq(sqs)
        .queueName("contract-" + n)
        .visibilityTimeout(Duration.ofSeconds(1))
        .deadLetterQueue("contract-" + n + "-dlq", 2)
        .function(lambda)
        .enabled(false);
  }

  @Test
  void invalidItemIdentifier_failsTheWholeBatch_soNothingIsDeleted_andBothEndDeadLettered() {
    try (SqsEventSource source = queue().start()) {
      String ok = source.send("ok");
      String bad = source.send("bad-id");
      source.enable();
      source.awaitIdle(IDLE);

      List<Delivery> deliveries = source.deliveries();
      assertEquals(2, deliveries.size(), deliveries::toString);
      for (Delivery d : deliveries) {
        assertEquals(Outcome.INVALID_RESPONSE, d.outcome(), d::toString);
        assertEquals(Set.of(ok, bad), Set.copyOf(d.recordIds()));
        assertTrue(
            d.detail().contains("[not-in-this-batch], which is not in the batch"), d.detail());
      }
      assertEquals(List.of(), source.deleted(), "not even the message that succeeded");
      assertEquals(
          Set.of(ok, bad),
          source.deadLetters().stream().map(Message::messageId).collect(Collectors.toSet()),
          "received maxReceiveCount (2) times, then moved");
    }
  }

  @Test
  void partialResponse_deletesTheRest_andTheReportedMessageComesBackAfterTheVisibilityTimeout() {
    try (SqsEventSource source = queue().start()) {
      String ok = source.send("ok");
      String flaky = source.send("fail-once");
      source.enable();
      source.awaitIdle(IDLE);

      List<Delivery> deliveries = source.deliveries();
      assertEquals(2, deliveries.size(), deliveries::toString);
      assertEquals(Outcome.PARTIAL_FAILURE, deliveries.get(0).outcome());
      assertEquals(List.of(flaky), deliveries.get(0).reportedIds());
      assertEquals(List.of(flaky), deliveries.get(1).recordIds());
      assertEquals(Outcome.SUCCESS, deliveries.get(1).outcome());
      assertEquals(List.of(ok, flaky), source.deleted());
      assertEquals(Set.of(flaky), source.retried());
      JsonNode again = read(deliveries.get(1).event()).at("/Records/0");
      assertEquals("2", again.at("/attributes/ApproximateReceiveCount").asText());
      long first =
          Long.parseLong(
              read(deliveries.get(0).event())
                  .at("/Records")
                  .findValues("SentTimestamp")
                  .get(0)
                  .asText());
      assertTrue(
          deliveries.get(1).invokedAt().toEpochMilli() - first >= 1_000,
          "not before the visibility timeout");
      assertEquals(List.of(), source.deadLetters());
    }
  }

  @Test
  void functionError_leavesTheWholeBatchForRetry() {
    try (SqsEventSource source = queue().start()) {
      String ok = source.send("ok");
      String flaky = source.send("throw-once");
      source.enable();
      source.awaitIdle(IDLE);

      List<Delivery> deliveries = source.deliveries();
      assertEquals(Outcome.FUNCTION_ERROR, deliveries.get(0).outcome());
      assertTrue(
          deliveries.get(0).detail().contains("java.lang.IllegalStateException"),
          deliveries.get(0).detail());
      assertTrue(
          deliveries.stream().skip(1).allMatch(d -> d.outcome() == Outcome.SUCCESS),
          deliveries::toString);
      assertEquals(Set.of(ok, flaky), Set.copyOf(source.deleted()));
      assertEquals(Set.of(ok, flaky), source.retried(), "both came back");
    }
  }

  @Test
  void timeout_leavesTheWholeBatchForRetry_asLambdaDoes() {
    try (SqsEventSource source =
        queue()
            .functionTimeout(Duration.ofSeconds(1))
            .deadLetterQueue("contract-timeout-dlq", 1)
            .start()) {
      String slow = source.send("sleep");
      source.enable();
      source.awaitIdle(IDLE);

      Delivery d = source.deliveries().get(0);
      assertEquals(Outcome.TIMEOUT, d.outcome());
      assertEquals("Task timed out after 1.00 seconds", d.detail());
      assertFalse(d.answer().isPresent());
      assertEquals(List.of(), source.deleted());
      assertEquals(
          List.of(slow),
          source.deadLetters().stream().map(Message::messageId).collect(Collectors.toList()));
    }
  }

  @Test
  void batchingWindow_gathersMessagesSentWhileItIsOpen_intoOneInvocation() {
    try (SqsEventSource source =
        queue()
            .maximumBatchingWindow(Duration.ofSeconds(2))
            .visibilityTimeout(Duration.ofSeconds(10))
            .enabled(true)
            .start()) {
      String first = source.send("ok");
      String second = source.send("ok");
      String third = source.send("ok");
      source.awaitIdle(IDLE);

      assertEquals(1, source.deliveries().size(), source.deliveries()::toString);
      assertEquals(
          Set.of(first, second, third), Set.copyOf(source.deliveries().get(0).recordIds()));
    }
  }

  @Test
  void windowLongerThanTheVisibilityTimeout_receivesAMessageAgain_andKeepsItOnceInTheBatch() {
    try (SqsEventSource source =
        queue()
            .maximumBatchingWindow(Duration.ofMillis(1_500))
            .deadLetterQueue("contract-window-dlq", 10)
            .enabled(true)
            .start()) {
      String id = source.send("ok");
      source.awaitIdle(IDLE);

      Delivery d = source.deliveries().get(0);
      assertEquals(List.of(id), d.recordIds(), "once, though it was received again");
      assertTrue(
          Integer.parseInt(
                  read(d.event()).at("/Records/0/attributes/" + "ApproximateReceiveCount").asText())
              >= 2,
          d.event());
      assertEquals(List.of(id), source.deleted(), "deleted with the latest receipt");
    }
  }

  @Test
  void event_carriesEveryFieldLambdaSets_inLambdasShape() throws Exception {
    try (SqsEventSource source = queue().start()) {
      String id =
          source.send(
              r ->
                  r.messageBody("ok")
                      .messageAttributes(
                          Map.of(
                              "tenant",
                              MessageAttributeValue.builder()
                                  .dataType("String")
                                  .stringValue("t-1")
                                  .build())));
      source.enable();
      source.awaitIdle(IDLE);

      JsonNode record = read(source.deliveries().get(0).event()).at("/Records/0");
      assertEquals(id, record.get("messageId").asText());
      assertFalse(record.get("receiptHandle").asText().isEmpty());
      assertEquals("ok", record.get("body").asText());
      JsonNode attributes = record.get("attributes");
      assertEquals("1", attributes.get("ApproximateReceiveCount").asText());
      assertTrue(attributes.get("SentTimestamp").asText().matches("\\d{13}"));
      assertTrue(attributes.has("SenderId"), attributes::toString);
      assertTrue(attributes.get("ApproximateFirstReceiveTimestamp").asText().matches("\\d{13}"));
      assertEquals(
          "{\"stringValue\":\"t-1\",\"stringListValues\":[],\"binaryListValues\":[],"
              + "\"dataType\":\"String\"}",
          record.at("/messageAttributes/tenant").toString());
      assertEquals(md5("ok"), record.get("md5OfBody").asText());
      assertEquals("aws:sqs", record.get("eventSource").asText());
      assertEquals(source.queueArn(), record.get("eventSourceARN").asText());
      assertTrue(
          source.queueArn().startsWith("arn:aws:sqs:us-east-1:123456789012:contract-"),
          source.queueArn());
      assertEquals("us-east-1", record.get("awsRegion").asText());
    }
  }

  @Test
  void fifoEvent_carriesTheGroupSequenceAndDeduplicationIds() {
    try (SqsEventSource source =
        SqsEventSource.builder()
            .elasticMq(sqs)
            .queueName("contract-fifo.fifo")
            .visibilityTimeout(Duration.ofSeconds(1))
            .function(lambda)
            .start()) {
      source.send("ok", "group-a");
      source.awaitIdle(IDLE);

      JsonNode attributes = read(source.deliveries().get(0).event()).at("/Records/0/attributes");
      assertEquals("group-a", attributes.get("MessageGroupId").asText());
      assertTrue(attributes.get("SequenceNumber").asText().matches("\\d+"), attributes::toString);
      assertFalse(attributes.get("MessageDeduplicationId").asText().isEmpty());
      assertTrue(source.isFifo());
    }
  }

  @Test
  void settingsOutsideLambdasRanges_areRejected_namingEachSetting() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SqsEventSource.builder()
                    .elasticMq(sqs)
                    .queueName("q.fifo")
                    .batchSize(11)
                    .visibilityTimeout(Duration.ofMillis(1500))
                    .deadLetterQueue("dlq", 0)
                    .start());
    assertTrue(e.getMessage().contains("[function]"), e.getMessage());
    assertTrue(
        e.getMessage().contains("[batchSize] must be 1 to 10 for a FIFO queue"), e.getMessage());
    assertTrue(e.getMessage().contains("[visibilityTimeout]"), e.getMessage());
    assertTrue(e.getMessage().contains("[maxReceiveCount]"), e.getMessage());
    assertTrue(e.getMessage().contains("[deadLetterQueue] of a FIFO queue"), e.getMessage());
  }

  private static String md5(String text) throws Exception {
    return String.format(
        "%032x",
        new BigInteger(
            1, MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8))));
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
