package dev.lamina.core.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;

/** Guards the equivalence test: the walker must see the differences it exists to find. */
class FieldGraphWalkerTest {

  @Test
  void nestedFieldChange_isReportedWithItsPath() {
    SQSEvent expected = sqsEvent("m-1", "body");
    SQSEvent actual = sqsEvent("m-1", "body");
    actual.getRecords().get(0).setBody("other body");

    assertEquals(
        "$.records[0].body (body vs other body)",
        FieldGraphWalker.firstDifference(expected, actual).orElseThrow());
  }

  @Test
  void equalGraphs_haveNoDifference() {
    assertTrue(
        FieldGraphWalker.firstDifference(sqsEvent("m-1", "b"), sqsEvent("m-1", "b")).isEmpty());
  }

  @Test
  void mapValueChange_isReported() {
    SQSEvent expected = sqsEvent("m-1", "b");
    SQSEvent actual = sqsEvent("m-1", "b");
    actual.getRecords().get(0).setAttributes(Map.of("SentTimestamp", "2"));

    assertEquals(
        "$.records[0].attributes['SentTimestamp'] (1 vs 2)",
        FieldGraphWalker.firstDifference(expected, actual).orElseThrow());
  }

  @Test
  void byteBufferContents_dateMillisAndInheritedFields_areCompared() {
    KinesisEvent.Record a = new KinesisEvent.Record();
    KinesisEvent.Record b = new KinesisEvent.Record();
    a.setData(ByteBuffer.wrap("abc".getBytes(StandardCharsets.UTF_8)));
    b.setData(ByteBuffer.wrap("abd".getBytes(StandardCharsets.UTF_8)));
    assertTrue(FieldGraphWalker.firstDifference(a, b).orElseThrow().startsWith("$.data"));

    b.setData(ByteBuffer.wrap("abc".getBytes(StandardCharsets.UTF_8)));
    a.setApproximateArrivalTimestamp(new Date(1000));
    b.setApproximateArrivalTimestamp(new Date(1001));
    assertTrue(
        FieldGraphWalker.firstDifference(a, b)
            .orElseThrow()
            .startsWith("$.approximateArrivalTimestamp"));
  }

  @Test
  void jodaDateTimes_compareByInstant_notByZone() {
    DateTime utc = new DateTime(1_600_000_000_000L, DateTimeZone.UTC);
    DateTime paris = utc.withZone(DateTimeZone.forID("Europe/Paris"));
    assertTrue(FieldGraphWalker.firstDifference(utc, paris).isEmpty());
    assertTrue(FieldGraphWalker.firstDifference(utc, utc.plusMillis(1)).isPresent());
  }

  @Test
  void nullAgainstValue_isReported() {
    SQSEvent expected = sqsEvent("m-1", "b");
    SQSEvent actual = sqsEvent("m-1", "b");
    actual.getRecords().get(0).setEventSourceArn(null);

    assertTrue(
        FieldGraphWalker.firstDifference(expected, actual)
            .orElseThrow()
            .startsWith("$.records[0].eventSourceArn"));
  }

  @Test
  void valueCount_countsWhatWasRead_notNullsZerosOrEmptyStrings() {
    SQSEvent.SQSMessage empty = new SQSEvent.SQSMessage();
    empty.setBody("");
    SQSEvent nothingRead = new SQSEvent();
    nothingRead.setRecords(List.of(empty));

    assertEquals(0, FieldGraphWalker.valueCount(nothingRead));
    assertEquals(
        4, FieldGraphWalker.valueCount(sqsEvent("m-1", "b")), "id, body, ARN, one attribute");
  }

  private static SQSEvent sqsEvent(String id, String body) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(id);
    message.setBody(body);
    message.setEventSourceArn("arn:aws:sqs:eu-west-1:123456789012:q");
    message.setAttributes(Map.of("SentTimestamp", "1"));
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    return event;
  }
}
