package dev.lamina.core.internal.codec;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lamina.core.codec.Codecs;
import dev.lamina.core.codec.PayloadCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM by {@link DatabindLoadingTest}: reads and writes jr-routed values and prints
 * {@code done}; with the argument {@code sqs}, {@code sqs-lenient}, {@code kinesis}, {@code dynamodb}, {@code kafka} or {@code sns} it then reads such an
 * event too.
 */
public final class DatabindLoadingProbe {
  private DatabindLoadingProbe() {}

  public record GreetingRequest(String name) {}

  public record Greeting(String message, int length, boolean coldStart) {}

  public static void main(String[] args) {
    PayloadCodec codec = Codecs.standard();
    GreetingRequest request = codec.read(bytes("{\"name\":\"Ada\"}"), GreetingRequest.class);
    byte[] out = codec.writeBytes(new Greeting("Hello, " + request.name(), 3, true));
    Map<String, Object> map = codec.read(bytes("{\"a\":[1,{\"b\":true}]}"), Map.class);
    List<Object> list = codec.read(bytes("[1,\"x\"]"), List.class);
    String text = codec.read(bytes("\"hello\""), String.class);
    codec.writeBytes(map);
    codec.writeBytes(list);
    System.out.println(new String(out, StandardCharsets.UTF_8) + " " + text);
    if (args.length > 0 && args[0].equals("sqs")) {
      SQSEvent event =
          codec.read(
              bytes("{\"Records\":[{\"messageId\":\"m-1\",\"body\":\"b\"}]}"), SQSEvent.class);
      System.out.println(event.getRecords().get(0).getMessageId());
    }
    if (args.length > 0 && args[0].equals("sqs-lenient")) {
      // One record given as an object, not a list: the runtime accepts it, through databind.
      SQSEvent event =
          codec.read(bytes("{\"Records\":{\"messageId\":\"m-2\",\"body\":\"b\"}}"), SQSEvent.class);
      System.out.println(event.getRecords().get(0).getMessageId());
    }
    if (args.length > 0 && args[0].equals("kinesis")) {
      com.amazonaws.services.lambda.runtime.events.KinesisEvent event =
          codec.read(
              bytes(
                  "{\"Records\":[{\"kinesis\":{\"partitionKey\":\"pk-1\","
                      + "\"data\":\"aGk=\",\"sequenceNumber\":\"4954\","
                      + "\"approximateArrivalTimestamp\":1428537600.123},"
                      + "\"eventID\":\"shardId-000:4954\"}]}"),
              com.amazonaws.services.lambda.runtime.events.KinesisEvent.class);
      com.amazonaws.services.lambda.runtime.events.KinesisEvent.Record k =
          event.getRecords().get(0).getKinesis();
      System.out.println(
          k.getPartitionKey()
              + " "
              + StandardCharsets.UTF_8.decode(k.getData())
              + " "
              + k.getApproximateArrivalTimestamp().getTime());
    }
    if (args.length > 0 && args[0].equals("dynamodb")) {
      com.amazonaws.services.lambda.runtime.events.DynamodbEvent event =
          codec.read(
              bytes(
                  "{\"Records\":[{\"eventName\":\"INSERT\",\"dynamodb\":{"
                      + "\"Keys\":{\"id\":{\"S\":\"k-1\"}},\"SizeBytes\":26,"
                      + "\"StreamViewType\":\"NEW_IMAGE\"}}]}"),
              com.amazonaws.services.lambda.runtime.events.DynamodbEvent.class);
      System.out.println(
          event.getRecords().get(0).getDynamodb().getKeys().get("id").getS()
              + " "
              + event.getRecords().get(0).getDynamodb().getStreamViewType());
    }
    if (args.length > 0 && args[0].equals("kafka")) {
      com.amazonaws.services.lambda.runtime.events.KafkaEvent event =
          codec.read(
              bytes(
                  "{\"eventSource\":\"aws:kafka\",\"records\":{\"orders-0\":[{"
                      + "\"topic\":\"orders\",\"partition\":0,\"offset\":15,"
                      + "\"timestamp\":1596480920837,\"value\":\"aGk=\","
                      + "\"headers\":[{\"k\":[104,105]}]}]}}"),
              com.amazonaws.services.lambda.runtime.events.KafkaEvent.class);
      com.amazonaws.services.lambda.runtime.events.KafkaEvent.KafkaEventRecord r =
          event.getRecords().get("orders-0").get(0);
      System.out.println(
          r.getTopic()
              + " "
              + r.getOffset()
              + " "
              + new String(r.getHeaders().get(0).get("k"), StandardCharsets.UTF_8));
    }
    if (args.length > 0 && args[0].equals("sns")) {
      com.amazonaws.services.lambda.runtime.events.SNSEvent event =
          codec.read(
              bytes("{\"Records\":[{\"EventSource\":\"aws:sns\"}]}"),
              com.amazonaws.services.lambda.runtime.events.SNSEvent.class);
      System.out.println(event.getRecords().get(0).getEventSource());
    }
    System.out.println("done");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
