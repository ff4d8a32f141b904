package dev.lamina.batch.internal;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch events the proxy handler accepts as an original handler's input, each with its record
 * class and the one-record event the original handler is called with. Only these exact classes:
 * a tumbling-window event's response carries the window's state, which the proxy, ignoring the
 * original handler's return value, would lose.
 */
public enum ProxiedEvent {
  /** SQS, standard and FIFO. */
  SQS(SQSEvent.class, SQSEvent.SQSMessage.class) {
    @Override
    public Object single(Object record) {
      SQSEvent event = new SQSEvent();
      event.setRecords(one((SQSEvent.SQSMessage) record));
      return event;
    }
  },
  /** Kinesis Data Streams. */
  KINESIS(KinesisEvent.class, KinesisEvent.KinesisEventRecord.class) {
    @Override
    public Object single(Object record) {
      KinesisEvent event = new KinesisEvent();
      event.setRecords(one((KinesisEvent.KinesisEventRecord) record));
      return event;
    }
  },
  /** DynamoDB Streams. */
  DYNAMODB(DynamodbEvent.class, DynamodbEvent.DynamodbStreamRecord.class) {
    @Override
    public Object single(Object record) {
      DynamodbEvent event = new DynamodbEvent();
      event.setRecords(one((DynamodbEvent.DynamodbStreamRecord) record));
      return event;
    }
  };

  private final Class<?> eventType;
  private final Class<?> recordType;

  ProxiedEvent(Class<?> eventType, Class<?> recordType) {
    this.eventType = eventType;
    this.recordType = recordType;
  }

  /** The event class, as the original handler declares it. */
  public Class<?> eventType() {
    return eventType;
  }

  /** The class of its records: the record handler's payload type, passed through as delivered. */
  public Class<?> recordType() {
    return recordType;
  }

  /**
   * An event of {@link #eventType()} holding this one record, as if Lambda had delivered a batch
   * of one. The events carry nothing but their records, so nothing else is copied.
   */
  public abstract Object single(Object record);

  /** The event for an original handler's declared input type; {@code null} if unsupported. */
  public static ProxiedEvent of(Type input) {
    for (ProxiedEvent e : values()) {
      if (e.eventType == input) {
        return e;
      }
    }
    return null;
  }

  /** A mutable list, as the runtime's deserialiser gives. */
  private static <R> List<R> one(R record) {
    List<R> records = new ArrayList<>(1);
    records.add(record);
    return records;
  }
}
