package dev.lamina.core.internal.codec.events;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.events.CloudFrontEvent;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.amazonaws.services.lambda.runtime.events.CodeCommitEvent;
import com.amazonaws.services.lambda.runtime.events.ConnectEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.SecretsManagerRotationEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.Map;

/**
 * Which mix-ins the mapper of each event class gets: the runtime's table
 * ({@code LambdaEventSerializers}' mix-in and nested-class maps), restated. Like the runtime, each
 * event class gets its own mapper with only its own mix-ins: a DynamoDB tumbling window, for one,
 * shares its record classes with {@code DynamodbEvent} but not their {@code Records} mix-in.
 * Event classes not listed here get no mix-in, only the date rules.
 */
final class EventMixins {
  private static final Map<Class<?>, Map<Class<?>, Class<?>>> BY_EVENT = Map.ofEntries(
      Map.entry(CloudFormationCustomResourceEvent.class,
          Map.of(CloudFormationCustomResourceEvent.class, CloudFormationCustomResourceEventMixin.class)),
      Map.entry(CloudFrontEvent.class, Map.of(CloudFrontEvent.class, CloudFrontEventMixin.class)),
      Map.entry(CloudWatchLogsEvent.class, Map.of(CloudWatchLogsEvent.class, CloudWatchLogsEventMixin.class)),
      Map.entry(CodeCommitEvent.class, Map.of(
          CodeCommitEvent.class, CodeCommitEventMixin.class,
          CodeCommitEvent.Record.class, CodeCommitEventMixin.RecordMixin.class)),
      Map.entry(ConnectEvent.class, Map.of(
          ConnectEvent.class, ConnectEventMixin.class,
          ConnectEvent.Details.class, ConnectEventMixin.class,
          ConnectEvent.ContactData.class, ConnectEventMixin.ContactDataMixin.class,
          ConnectEvent.CustomerEndpoint.class, ConnectEventMixin.class,
          ConnectEvent.Queue.class, ConnectEventMixin.class,
          ConnectEvent.SystemEndpoint.class, ConnectEventMixin.class)),
      Map.entry(DynamodbEvent.class, Map.of(
          DynamodbEvent.class, DynamodbEventMixin.class,
          DynamodbEvent.DynamodbStreamRecord.class, DynamodbEventMixin.DynamodbStreamRecordMixin.class,
          StreamRecord.class, DynamodbEventMixin.StreamRecordMixin.class,
          AttributeValue.class, DynamodbEventMixin.AttributeValueMixin.class)),
      Map.entry(DynamodbTimeWindowEvent.class, Map.of(
          DynamodbTimeWindowEvent.class, DynamodbTimeWindowEventMixin.class,
          DynamodbEvent.DynamodbStreamRecord.class, DynamodbEventMixin.DynamodbStreamRecordMixin.class,
          StreamRecord.class, DynamodbEventMixin.StreamRecordMixin.class,
          AttributeValue.class, DynamodbEventMixin.AttributeValueMixin.class)),
      Map.entry(KinesisEvent.class, Map.of(
          KinesisEvent.class, KinesisEventMixin.class,
          KinesisEvent.Record.class, KinesisEventMixin.RecordMixin.class)),
      Map.entry(KinesisTimeWindowEvent.class,
          Map.of(KinesisTimeWindowEvent.class, KinesisTimeWindowEventMixin.class)),
      Map.entry(ScheduledEvent.class, Map.of(ScheduledEvent.class, ScheduledEventMixin.class)),
      Map.entry(SecretsManagerRotationEvent.class,
          Map.of(SecretsManagerRotationEvent.class, SecretsManagerRotationEventMixin.class)),
      Map.entry(SNSEvent.class, Map.of(
          SNSEvent.class, SNSEventMixin.class,
          SNSEvent.SNSRecord.class, SNSEventMixin.SNSRecordMixin.class)),
      Map.entry(SQSEvent.class, Map.of(
          SQSEvent.class, SQSEventMixin.class,
          SQSEvent.SQSMessage.class, SQSEventMixin.SQSMessageMixin.class)));

  private EventMixins() {}

  /** The mix-ins, by target class, for the mapper of {@code eventClass}; empty if it has none. */
  static Map<Class<?>, Class<?>> of(Class<?> eventClass) {
    return BY_EVENT.getOrDefault(eventClass, Map.of());
  }
}
