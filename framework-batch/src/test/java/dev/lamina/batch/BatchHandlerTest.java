package dev.lamina.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.PipelineException;
import dev.lamina.core.TimeGuard;
import dev.lamina.test.Invoke;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The base class: type arguments, @Batch, the JSON response, under the handler's pipeline. */
class BatchHandlerTest {

  public record Order(String id, int quantity) {}

  @TimeGuard(safetyMarginMillis = 200, watchdogMillis = 0)
  @Batch(parallelism = 2, nonRetryable = IllegalArgumentException.class)
  public static class ShipOrders extends BatchHandler<SQSEvent, Order> {
    final List<String> shipped = Collections.synchronizedList(new ArrayList<>());

    public ShipOrders() {
      super(HandlerEnvironment.builder().variables(Map.of()).build());
    }

    @Override
    protected void handleRecord(Order order, RecordContext context) {
      if (order.quantity() < 0) {
        throw new IllegalStateException("out of stock");
      }
      if (order.quantity() == 0) {
        throw new IllegalArgumentException("nothing to ship");
      }
      shipped.add(order.id());
    }
  }

  @Batch(parallelism = 0)
  public static class Misconfigured extends BatchHandler<SQSEvent, Order> {
    public Misconfigured() {
      super(HandlerEnvironment.builder().variables(Map.of()).build());
    }

    @Override
    protected void handleRecord(Order order, RecordContext context) {}
  }

  public static class NotABatch extends BatchHandler<String, Order> {
    public NotABatch() {
      super(HandlerEnvironment.builder().variables(Map.of()).build());
    }

    @Override
    protected void handleRecord(Order order, RecordContext context) {}
  }

  @Test
  void sqsBatch_answersWithTheFailedMessageIds_asJson() throws Exception {
    ShipOrders handler = new ShipOrders();
    String event =
        "{\"Records\":["
            + message("m-1", 1)
            + ","
            + message("m-2", -1)
            + ","
            + message("m-3", 0)
            + ","
            + message("m-4", 2)
            + "]}";

    String out = Invoke.stream(handler, event);

    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}", out);
    assertEquals(List.of("m-1", "m-4"), handler.shipped.stream().sorted().toList());
  }

  private static String message(String id, int quantity) {
    return "{\"messageId\":\""
        + id
        + "\",\"receiptHandle\":\"h\",\"body\":\"{\\\"id\\\":\\\""
        + id
        + "\\\",\\\"quantity\\\":"
        + quantity
        + "}\",\"attributes\":{"
        + "\"ApproximateReceiveCount\":\"1\"},\"messageAttributes\":{},\"eventSource\":\"aws:sqs\","
        + "\"eventSourceARN\":\"arn:aws:sqs:eu-west-1:123456789012:orders\","
        + "\"awsRegion\":\"eu-west-1\"}";
  }

  @Test
  void invalidBatchAnnotation_failsInit_namingTheSetting() {
    PipelineException e = assertThrows(PipelineException.class, Misconfigured::new);
    assertTrue(e.getMessage().contains("[parallelism]"), e.getMessage());
  }

  @Test
  void eventTypeThatIsNoBatch_failsInit_namingIt() {
    PipelineException e = assertThrows(PipelineException.class, NotABatch::new);
    assertTrue(e.getMessage().contains("[java.lang.String]"), e.getMessage());
  }
}
