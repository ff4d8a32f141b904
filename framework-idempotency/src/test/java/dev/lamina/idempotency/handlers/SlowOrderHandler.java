package dev.lamina.idempotency.handlers;

import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.idempotency.Idempotent;
import java.util.Map;

/**
 * Keyed on the request id (the default); with {@code BLOCK=true} it prints
 * {@code blocking <request id>} (its claim is stored by then) and sleeps until killed, as a
 * function stuck mid-invocation would.
 */
@Idempotent
public class SlowOrderHandler extends LambdaHandler<Map<String, Object>, Map<String, Object>> {

  @Override
  protected Map<String, Object> handle(Map<String, Object> order, Invocation invocation)
      throws InterruptedException {
    if ("true".equals(environment().variable("BLOCK"))) {
      System.out.println("blocking " + invocation.requestId());
      Thread.sleep(120_000);
    }
    return Map.of(
        "orderId",
        order.get("orderId"),
        "handledBy",
        invocation.requestId(),
        "pid",
        ProcessHandle.current().pid());
  }
}
