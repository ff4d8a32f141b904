package dev.lamina.batch.internal;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.lamina.batch.BatchConfig;
import dev.lamina.batch.FifoMode;
import dev.lamina.batch.RecordContext;
import dev.lamina.core.Invocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQS, standard and FIFO: reports {@code messageId}s in an {@code SQSBatchResponse}. A FIFO queue
 * (its ARN ends in {@code .fifo}) orders records by message group.
 */
public final class SqsSource implements RecordSource<SQSEvent> {

  @Override
  public String name() {
    return "SQS";
  }

  @Override
  public List<SourceRecord> records(
      SQSEvent event, Invocation invocation, Map<String, String> windowState) {
    List<SQSMessage> messages =
        event == null || event.getRecords() == null ? List.of() : event.getRecords();
    List<SourceRecord> records = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      SQSMessage m = messages.get(i);
      Map<String, String> system = m.getAttributes() == null ? Map.of() : m.getAttributes();
      String group = system.get("MessageGroupId");
      RecordContext context =
          RecordContext.builder(text(m.getMessageId()), invocation)
              .eventSource("aws:sqs")
              .attempt(count(system.get("ApproximateReceiveCount")))
              .messageGroupId(group)
              .attributes(attributes(system, m.getMessageAttributes()))
              .sourceRecord(m)
              .build();
      records.add(
          new SourceRecord(
              i,
              text(m.getMessageId()),
              m.getMessageId(),
              group,
              null,
              new Body(m),
              m.getMessageId(),
              context));
    }
    return records;
  }

  @Override
  public Ordering ordering(SQSEvent event, BatchConfig config) {
    if (!isFifo(event)) {
      return Ordering.INDEPENDENT;
    }
    return config.fifoMode() == FifoMode.SKIP_FAILED_GROUP
        ? Ordering.STOP_UNIT_REPORT_REST
        : Ordering.STOP_ALL_REPORT_REST;
  }

  private static boolean isFifo(SQSEvent event) {
    if (event == null || event.getRecords() == null || event.getRecords().isEmpty()) {
      return false;
    }
    String arn = event.getRecords().get(0).getEventSourceArn();
    return arn != null && arn.endsWith(".fifo");
  }

  @Override
  public Object response(List<SourceRecord> failed, Map<String, String> windowState) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>(failed.size());
    for (SourceRecord r : failed) {
      failures.add(new SQSBatchResponse.BatchItemFailure((String) r.reported()));
    }
    return new SQSBatchResponse(failures);
  }

  @Override
  public List<Object> reportedIdentifiers(Object response) {
    List<Object> ids = new ArrayList<>();
    for (SQSBatchResponse.BatchItemFailure f :
        ((SQSBatchResponse) response).getBatchItemFailures()) {
      ids.add(f.getItemIdentifier());
    }
    return ids;
  }

  private static Map<String, String> attributes(
      Map<String, String> system, Map<String, MessageAttribute> message) {
    Map<String, String> all = new LinkedHashMap<>(system);
    if (message != null) {
      for (Map.Entry<String, MessageAttribute> e : message.entrySet()) {
        MessageAttribute value = e.getValue();
        if (value != null && value.getStringValue() != null) {
          all.put(e.getKey(), value.getStringValue());
        }
      }
    }
    return all;
  }

  /** A message's body as the payload (a class, not a method reference: see BatchEngine). */
  private static final class Body implements SourceRecord.Payload {
    private final SQSMessage message;

    Body(SQSMessage message) {
      this.message = message;
    }

    @Override
    public Object get() {
      return message.getBody();
    }
  }

  static Integer count(String value) {
    try {
      return value == null ? null : Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** An identifier as text for logs and the context; a missing one shows as empty. */
  static String text(String id) {
    return id == null ? "" : id;
  }
}
