package dev.lamina.core.internal.codec.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Which mix-in shapes which event class: the property names the Lambda runtime uses. */
final class EventMixins {
  private EventMixins() {}

  static void addTo(ObjectMapper mapper) {
    mapper.addMixIn(SQSEvent.class, RecordsMixin.class);
    mapper.addMixIn(SQSEvent.SQSMessage.class, SqsMessageMixin.class);
    mapper.addMixIn(KinesisEvent.class, RecordsMixin.class);
    mapper.addMixIn(DynamodbEvent.class, RecordsMixin.class);
    mapper.addMixIn(DynamodbEvent.DynamodbStreamRecord.class, DynamodbStreamRecordMixin.class);
    mapper.addMixIn(StreamRecord.class, StreamRecordMixin.class);
    mapper.addMixIn(AttributeValue.class, AttributeValueMixin.class);
    mapper.addMixIn(SNSEvent.class, SnsEventMixin.class);
    mapper.addMixIn(SNSEvent.SNSRecord.class, SnsRecordMixin.class);
    mapper.addMixIn(SNSEvent.SNS.class, PascalCaseMixin.class);
    mapper.addMixIn(SNSEvent.MessageAttribute.class, PascalCaseMixin.class);
    mapper.addMixIn(ScheduledEvent.class, ScheduledEventMixin.class);
  }
}
