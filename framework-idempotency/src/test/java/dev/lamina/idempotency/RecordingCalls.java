package dev.lamina.idempotency;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every DynamoDB API call a client makes (once per call, not per retry attempt). */
public final class RecordingCalls implements ExecutionInterceptor {
  private final List<String> calls = new ArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    synchronized (calls) {
      calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
  }

  /** The calls so far, in order, and forgets them. */
  public List<String> drain() {
    synchronized (calls) {
      List<String> copy = new ArrayList<>(calls);
      calls.clear();
      return copy;
    }
  }
}
