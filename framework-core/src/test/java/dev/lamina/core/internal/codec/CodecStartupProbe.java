package dev.lamina.core.internal.codec;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lamina.core.codec.Codecs;
import dev.lamina.core.codec.PayloadCodec;
import java.nio.charset.StandardCharsets;

/**
 * Measures the codec's cold cost: create it, read one POJO, then one SQS event, printing the
 * elapsed milliseconds of each step. Run by hand with Lambda-like flags, for example
 * {@code java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto
 * -Xlog:class+load:file=/tmp/x.log -cp <test classpath> dev.lamina.core.internal.codec.CodecStartupProbe}.
 * Pass {@code pojo} to stop after the POJO (to count classes without the event support).
 */
public final class CodecStartupProbe {
  private CodecStartupProbe() {}

  public record Order(String id, int qty) {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    PayloadCodec codec = Codecs.standard();
    long t1 = System.nanoTime();
    Order order =
        codec.read("{\"id\":\"o-1\",\"qty\":2}".getBytes(StandardCharsets.UTF_8), Order.class);
    long t2 = System.nanoTime();
    System.out.printf(
        "create %.1f ms, first POJO %.1f ms (%s)%n", ms(t1 - t0), ms(t2 - t1), order.id());
    if (args.length > 0 && args[0].equals("pojo")) {
      return;
    }
    byte[] sqs;
    try (var in =
        CodecStartupProbe.class.getResourceAsStream("/events/SQSEvent/sqs_event_product.json")) {
      sqs = in.readAllBytes();
    }
    long t3 = System.nanoTime();
    SQSEvent event = codec.read(sqs, SQSEvent.class);
    long t4 = System.nanoTime();
    SQSEvent again = codec.read(sqs, SQSEvent.class);
    long t5 = System.nanoTime();
    System.out.printf(
        "first SQSEvent %.1f ms, second %.2f ms (%s, %d)%n",
        ms(t4 - t3),
        ms(t5 - t4),
        event.getRecords().get(0).getMessageId(),
        again.getRecords().size());
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
