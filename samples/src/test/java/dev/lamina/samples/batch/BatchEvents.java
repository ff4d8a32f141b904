package dev.lamina.samples.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Batch events as the event source mappings deliver them to a function, field for field (SQS
 * standard and FIFO, Kinesis, DynamoDB Streams), for the batch samples' runtime tests and the
 * deployment package tests. Stateless; every method returns JSON text.
 */
public final class BatchEvents {
  /** The standard queue the SQS sample reads. */
  public static final String ORDERS_QUEUE = "arn:aws:sqs:us-east-1:123456789012:lamina-orders";

  /** The FIFO queue the FIFO sample reads: its name ends in {@code .fifo}. */
  public static final String ORDERS_FIFO_QUEUE =
      "arn:aws:sqs:us-east-1:123456789012:lamina-orders.fifo";

  /** The Kinesis stream the clicks sample reads. */
  public static final String CLICK_STREAM = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks";

  /** The orders table's stream the DynamoDB sample reads. */
  public static final String ORDERS_TABLE_STREAM =
      "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-12-01T10:00:00.000";

  private BatchEvents() {}

  /** An order message's JSON body. */
  public static String order(String orderId, String sku, int quantity) {
    return "{\"orderId\":\""
        + orderId
        + "\",\"sku\":\""
        + sku
        + "\",\"quantity\":"
        + quantity
        + "}";
  }

  /** The {@code {"Records":[...]}} envelope around records built here. */
  public static String records(List<String> records) {
    return "{\"Records\":[" + String.join(",", records) + "]}";
  }

  /** A message of the standard queue, delivered for the {@code receiveCount}th time. */
  public static String sqsMessage(String messageId, String body, int receiveCount) {
    return """
        {"messageId":"%s","receiptHandle":"%s","body":%s,
         "attributes":{"ApproximateReceiveCount":"%d","SentTimestamp":"1796119200000",
           "SenderId":"AROAIWPX5BD2BHG722MW4:sender",
           "ApproximateFirstReceiveTimestamp":"1796119200012"},
         "messageAttributes":{},"md5OfBody":"%s","eventSource":"aws:sqs",
         "eventSourceARN":"%s","awsRegion":"us-east-1"}"""
        .formatted(
            messageId,
            receiptHandle(messageId, receiveCount),
            quote(body),
            receiveCount,
            md5(body),
            ORDERS_QUEUE);
  }

  /** A message of the FIFO queue, in {@code group}, with its place in the queue's order. */
  public static String fifoMessage(String messageId, String body, String group, int sequence) {
    return """
        {"messageId":"%s","receiptHandle":"%s","body":%s,
         "attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1796119200000",
           "SequenceNumber":"186271063726849%05d","MessageGroupId":"%s",
           "SenderId":"AROAIWPX5BD2BHG722MW4:sender","MessageDeduplicationId":"%s",
           "ApproximateFirstReceiveTimestamp":"1796119200012"},
         "messageAttributes":{},"md5OfBody":"%s","eventSource":"aws:sqs",
         "eventSourceARN":"%s","awsRegion":"us-east-1"}"""
        .formatted(
            messageId,
            receiptHandle(messageId, 1),
            quote(body),
            sequence,
            group,
            md5(body),
            md5(body),
            ORDERS_FIFO_QUEUE);
  }

  /** A record of shard 0 of the click stream; {@code data} is sent base64-encoded. */
  public static String kinesisRecord(String sequenceNumber, String partitionKey, String data) {
    return """
        {"kinesis":{"kinesisSchemaVersion":"1.0","partitionKey":"%s","sequenceNumber":"%s",
           "data":"%s","approximateArrivalTimestamp":1796119200.123},
         "eventSource":"aws:kinesis","eventVersion":"1.0",
         "eventID":"shardId-000000000000:%s","eventName":"aws:kinesis:record",
         "invokeIdentityArn":"arn:aws:iam::123456789012:role/clicks-function-role",
         "awsRegion":"us-east-1","eventSourceARN":"%s"}"""
        .formatted(
            partitionKey,
            sequenceNumber,
            Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)),
            sequenceNumber,
            CLICK_STREAM);
  }

  /**
   * A change to one item of the orders table, from a stream with {@code NEW_AND_OLD_IMAGES}.
   *
   * @param eventName {@code INSERT}, {@code MODIFY} or {@code REMOVE}
   * @param oldStatus the status before the change; {@code null} for an insert; ignored unless
   *     there is an old image
   * @param newStatus the status after it; {@code null} to leave it out of the new image
   */
  public static String dynamoRecord(
      String eventName, String sequenceNumber, String orderId, String oldStatus, String newStatus) {
    String keys = "{\"orderId\":{\"S\":\"" + orderId + "\"}}";
    StringBuilder images = new StringBuilder();
    if (!eventName.equals("INSERT")) {
      images.append("\"OldImage\":").append(image(orderId, oldStatus)).append(',');
    }
    if (!eventName.equals("REMOVE")) {
      images.append("\"NewImage\":").append(image(orderId, newStatus)).append(',');
    }
    return """
        {"eventID":"%s","eventName":"%s","eventVersion":"1.1","eventSource":"aws:dynamodb",
         "awsRegion":"us-east-1",
         "dynamodb":{"ApproximateCreationDateTime":1796119200,"Keys":%s,%s
           "SequenceNumber":"%s","SizeBytes":112,"StreamViewType":"NEW_AND_OLD_IMAGES"},
         "eventSourceARN":"%s"}"""
        .formatted(
            md5(sequenceNumber), eventName, keys, images, sequenceNumber, ORDERS_TABLE_STREAM);
  }

  private static String image(String orderId, String status) {
    return "{\"orderId\":{\"S\":\""
        + orderId
        + "\"},"
        + (status == null ? "" : "\"status\":{\"S\":\"" + status + "\"},")
        + "\"quantity\":{\"N\":\"2\"},\"sku\":{\"S\":\"darjeeling-ftgfop1\"}}";
  }

  private static String receiptHandle(String messageId, int receiveCount) {
    return "AQEB"
        + Base64.getEncoder()
            .withoutPadding()
            .encodeToString((messageId + "/" + receiveCount).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code text} as a JSON string literal. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String md5(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }
}
