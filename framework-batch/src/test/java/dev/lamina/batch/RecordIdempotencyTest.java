package dev.lamina.batch;

import static dev.lamina.batch.Batches.STANDARD_QUEUE;
import static dev.lamina.batch.Batches.reported;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lamina.idempotency.DynamoDbIdempotencyStore;
import dev.lamina.idempotency.IdempotencyConfig;
import dev.lamina.idempotency.IdempotencyTable;
import dev.lamina.idempotency.KeyExtractors;
import dev.lamina.test.dynamodb.DynamoDbLocalExtension;
import dev.lamina.test.dynamodb.DynamoDbLocalTables;
import dev.lamina.test.dynamodb.RecordingCalls;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Per-record idempotency against DynamoDB Local over HTTP, with SQS redeliveries as SQS sends
 * them: the same messageId in a later batch, with a new receipt handle and receive count.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class RecordIdempotencyTest {
  private final DynamoDbLocalTables dynamo;
  private final RecordingCalls calls = new RecordingCalls();
  private DynamoDbClient client;
  private String table;

  RecordIdempotencyTest(DynamoDbLocalTables dynamo) {
    this.dynamo = dynamo;
  }

  @BeforeEach
  void setUp() {
    client = DynamoDbLocalTables.client(dynamo.endpoint(), calls);
    table = dynamo.create("idempotency", IdempotencyTable::create);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  /** Records which bodies it processed; fails bodies starting with "fail". */
  static final class Charges implements RecordHandler<String> {
    final List<String> charged = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void handle(String body, RecordContext context) {
      if (body.startsWith("fail")) {
        throw new IllegalStateException("card declined");
      }
      charged.add(body);
    }
  }

  private BatchProcessor<SQSEvent> processor(
      Charges charges, RecordIdempotency idempotency, int parallelism) {
    return BatchProcessor.builder(SQSEvent.class, String.class, charges)
        .config(BatchConfig.custom().parallelism(parallelism).idempotency(idempotency).build())
        .handlerClass(RecordIdempotencyTest.class)
        .build();
  }

  private IdempotencyConfig.Builder config() {
    return IdempotencyConfig.custom()
        .store(DynamoDbIdempotencyStore.builder().client(client).table(table).build());
  }

  private static SQSEvent.SQSMessage delivery(String id, String body, int receiveCount) {
    return Batches.message(id, body, STANDARD_QUEUE, null, receiveCount);
  }

  @Test
  void redeliveryInALaterBatch_isNotProcessedAgain_atTwoCallsNewAndOneRepeat() throws Exception {
    Charges charges = new Charges();
    BatchProcessor<SQSEvent> processor =
        processor(charges, RecordIdempotency.of(config().build()), 1);

    Object first =
        processor.process(
            Batches.sqs(List.of(delivery("m-1", "a", 1), delivery("m-2", "b", 1))),
            Batches.invocation());
    assertEquals(List.of("PutItem", "UpdateItem", "PutItem", "UpdateItem"), calls.drain());
    // The visibility timeout passed before m-2 was deleted: SQS sends it again, with m-3.
    Object second =
        processor.process(
            Batches.sqs(List.of(delivery("m-2", "b", 2), delivery("m-3", "c", 1))),
            Batches.invocation());

    assertEquals(List.of(), reported(first));
    assertEquals(List.of(), reported(second));
    assertEquals(List.of("a", "b", "c"), charges.charged, "b was charged once");
    assertEquals(
        List.of("PutItem", "PutItem", "UpdateItem"),
        calls.drain(),
        "the repeat costs one call: the refused claim returns the record");
  }

  @Test
  void repeatFromTheLocalCache_costsNoCall() throws Exception {
    Charges charges = new Charges();
    BatchProcessor<SQSEvent> processor =
        processor(charges, RecordIdempotency.of(config().localCacheSize(64).build()), 1);
    processor.process(Batches.sqs(List.of(delivery("m-1", "a", 1))), Batches.invocation());
    calls.drain();

    processor.process(Batches.sqs(List.of(delivery("m-1", "a", 2))), Batches.invocation());

    assertEquals(List.of(), calls.drain());
    assertEquals(List.of("a"), charges.charged);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 4})
  void twoCopiesOfOneMessageInOneBatch_runOnce_andBothSucceed(int parallelism) throws Exception {
    Charges charges = new Charges();
    BatchProcessor<SQSEvent> processor =
        processor(charges, RecordIdempotency.of(config().build()), parallelism);

    Object response =
        processor.process(
            Batches.sqs(
                List.of(delivery("m-1", "a", 1), delivery("m-2", "b", 1), delivery("m-1", "a", 1))),
            Batches.invocation());

    assertEquals(List.of(), reported(response));
    assertEquals(List.of("a", "b"), charges.charged.stream().sorted().toList());
  }

  @Test
  void failedRecord_releasesItsClaim_soItsRedeliveryRunsAgain() throws Exception {
    Charges charges = new Charges();
    BatchProcessor<SQSEvent> processor =
        processor(charges, RecordIdempotency.of(config().build()), 1);

    Object first =
        processor.process(
            Batches.sqs(List.of(delivery("m-1", "fail-a", 1), delivery("m-2", "b", 1))),
            Batches.invocation());
    assertEquals(List.of("PutItem", "DeleteItem", "PutItem", "UpdateItem"), calls.drain());

    assertEquals(List.of("m-1"), reported(first));
    // Redelivered alone, it runs again (and fails again: the whole one-record batch failed).
    org.junit.jupiter.api.Assertions.assertThrows(
        BatchFailedException.class,
        () ->
            processor.process(
                Batches.sqs(List.of(delivery("m-1", "fail-a", 2))), Batches.invocation()));
    assertEquals(List.of("PutItem", "DeleteItem"), calls.drain());
  }

  @Test
  void keyFromThePayload_makesTwoMessagesOfOneOrderOneRecord() throws Exception {
    Charges charges = new Charges();
    BatchProcessor<SQSEvent> processor =
        processor(
            charges, RecordIdempotency.of(config().build()).key(KeyExtractors.path("/orderId")), 1);

    processor.process(
        Batches.sqs(
            List.of(
                delivery("m-1", "{\"orderId\":\"o-1\",\"amount\":5}", 1),
                delivery("m-7", "{\"amount\":5,\"orderId\":\"o-1\"}", 1))),
        Batches.invocation());

    assertEquals(1, charges.charged.size(), "the same order, sent twice by the producer");
  }
}
