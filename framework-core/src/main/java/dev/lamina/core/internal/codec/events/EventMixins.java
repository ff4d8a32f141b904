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
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies.UpperCamelCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * The runtime's event mix-ins, restated: which mix-ins the mapper of each event class gets (its
 * {@code LambdaEventSerializers} mix-in and nested-class maps), and the mix-ins themselves, named
 * as the runtime names its own. Each event class gets its own mapper with only its own mix-ins,
 * as in the runtime: a DynamoDB tumbling window shares its record classes with
 * {@code DynamodbEvent} but not its mapper. Event classes not listed get only the date rules.
 * Mix-in fields rename the property of the same name; methods do where getter and setter disagree.
 */
final class EventMixins {
  private static final Map<Class<?>, Map<Class<?>, Class<?>>> BY_EVENT =
      Map.ofEntries(
          Map.entry(
              CloudFormationCustomResourceEvent.class,
              Map.of(
                  CloudFormationCustomResourceEvent.class,
                  CloudFormationCustomResourceEventMixin.class)),
          Map.entry(CloudFrontEvent.class, Map.of(CloudFrontEvent.class, RecordsMixin.class)),
          Map.entry(
              CloudWatchLogsEvent.class,
              Map.of(CloudWatchLogsEvent.class, CloudWatchLogsEventMixin.class)),
          Map.entry(
              CodeCommitEvent.class,
              Map.of(
                  CodeCommitEvent.class, RecordsMixin.class,
                  CodeCommitEvent.Record.class, CodeCommitRecordMixin.class)),
          Map.entry(
              ConnectEvent.class,
              Map.of(
                  ConnectEvent.class, PascalCaseMixin.class,
                  ConnectEvent.Details.class, PascalCaseMixin.class,
                  ConnectEvent.ContactData.class, ContactDataMixin.class,
                  ConnectEvent.CustomerEndpoint.class, PascalCaseMixin.class,
                  ConnectEvent.Queue.class, PascalCaseMixin.class,
                  ConnectEvent.SystemEndpoint.class, PascalCaseMixin.class)),
          Map.entry(
              DynamodbEvent.class,
              Map.of(
                  DynamodbEvent.class, RecordsMixin.class,
                  DynamodbEvent.DynamodbStreamRecord.class, DynamodbStreamRecordMixin.class,
                  StreamRecord.class, StreamRecordMixin.class,
                  AttributeValue.class, AttributeValueMixin.class)),
          Map.entry(
              DynamodbTimeWindowEvent.class,
              Map.of(
                  DynamodbTimeWindowEvent.class, TimeWindowEventMixin.class,
                  DynamodbEvent.DynamodbStreamRecord.class, DynamodbStreamRecordMixin.class,
                  StreamRecord.class, StreamRecordMixin.class,
                  AttributeValue.class, AttributeValueMixin.class)),
          Map.entry(KinesisEvent.class, Map.of(KinesisEvent.class, RecordsMixin.class)),
          Map.entry(
              KinesisTimeWindowEvent.class,
              Map.of(KinesisTimeWindowEvent.class, TimeWindowEventMixin.class)),
          Map.entry(ScheduledEvent.class, Map.of(ScheduledEvent.class, ScheduledEventMixin.class)),
          Map.entry(
              SecretsManagerRotationEvent.class,
              Map.of(SecretsManagerRotationEvent.class, PascalCaseMixin.class)),
          Map.entry(
              SNSEvent.class,
              Map.of(
                  SNSEvent.class,
                  RecordsMixin.class,
                  SNSEvent.SNSRecord.class,
                  SNSRecordMixin.class)),
          Map.entry(
              SQSEvent.class,
              Map.of(
                  SQSEvent.class,
                  RecordsMixin.class,
                  SQSEvent.SQSMessage.class,
                  SQSMessageMixin.class)));

  private EventMixins() {}

  /** The mix-ins, by target class, for the mapper of {@code eventClass}; empty if it has none. */
  static Map<Class<?>, Class<?>> of(Class<?> eventClass) {
    return BY_EVENT.getOrDefault(eventClass, Map.of());
  }

  /** SQS, SNS, Kinesis, DynamoDB Streams, CloudFront, CodeCommit: records under {@code Records}. */
  abstract static class RecordsMixin {
    @JsonProperty("Records")
    Object records;
  }

  /** Tumbling windows: {@code Records}, and the stream's ARN as {@code eventSourceARN}. */
  abstract static class TimeWindowEventMixin extends RecordsMixin {
    @JsonProperty("eventSourceARN")
    Object eventSourceArn;
  }

  /** Connect and Secrets Manager rotation: every name in PascalCase. */
  @JsonNaming(UpperCamelCaseStrategy.class)
  abstract static class PascalCaseMixin {}

  /** Connect's contact data: PascalCase, the instance ARN as {@code InstanceARN}. */
  abstract static class ContactDataMixin extends PascalCaseMixin {
    @JsonProperty("InstanceARN")
    Object instanceArn;
  }

  /** CloudFormation custom resources: PascalCase, the response URL as {@code ResponseURL}. */
  abstract static class CloudFormationCustomResourceEventMixin extends PascalCaseMixin {
    @JsonProperty("ResponseURL")
    Object responseUrl;
  }

  /** CloudWatch Logs subscriptions: the compressed data under {@code awslogs}. */
  abstract static class CloudWatchLogsEventMixin {
    @JsonProperty("awslogs")
    Object awsLogs;
  }

  /** EventBridge: the detail type as {@code detail-type}. */
  abstract static class ScheduledEventMixin {
    @JsonProperty("detail-type")
    Object detailType;
  }

  /** A CodeCommit record: {@code codecommit}, {@code eventSourceARN}, {@code userIdentityARN}. */
  abstract static class CodeCommitRecordMixin {
    @JsonProperty("codecommit")
    Object codeCommit;

    @JsonProperty("eventSourceARN")
    Object eventSourceArn;

    @JsonProperty("userIdentityARN")
    Object userIdentityArn;
  }

  /** An SQS message: the queue's ARN as {@code eventSourceARN}. */
  abstract static class SQSMessageMixin {
    @JsonProperty("eventSourceARN")
    Object eventSourceArn;
  }

  /**
   * An SNS record: the notification under {@code Sns}. Its getter is {@code getSNS}; its setter,
   * {@code setSns}, is already {@code Sns} under the mapper's PascalCase.
   */
  abstract static class SNSRecordMixin {
    @JsonProperty("Sns")
    abstract Object getSNS();
  }

  /**
   * A DynamoDB stream record: {@code eventName} bound to its String setter, as in the runtime.
   * Jackson picks that one today without being told; the enum setter would read a name
   * DynamoDB does not send yet as {@code null}.
   */
  abstract static class DynamodbStreamRecordMixin {
    @JsonProperty("eventName")
    abstract void setEventName(String eventName);
  }

  /** The {@code dynamodb} part of a stream record, in DynamoDB's PascalCase. */
  abstract static class StreamRecordMixin {
    @JsonProperty("Keys")
    Object keys;

    @JsonProperty("NewImage")
    Object newImage;

    @JsonProperty("OldImage")
    Object oldImage;

    @JsonProperty("SequenceNumber")
    Object sequenceNumber;

    @JsonProperty("SizeBytes")
    Object sizeBytes;

    @JsonProperty("StreamViewType")
    Object streamViewType;

    @JsonProperty("ApproximateCreationDateTime")
    Object approximateCreationDateTime;
  }

  /**
   * DynamoDB's typed values: {@code S}, {@code N}, {@code B} (base64), {@code M}, {@code L}.
   * {@code SS}, {@code NS}, {@code BS}, {@code NULL} and {@code BOOL} keep their case by standard
   * bean naming already.
   */
  abstract static class AttributeValueMixin {
    @JsonProperty("S")
    Object s;

    @JsonProperty("N")
    Object n;

    @JsonProperty("B")
    Object b;

    @JsonProperty("M")
    Object m;

    @JsonProperty("L")
    Object l;
  }
}
