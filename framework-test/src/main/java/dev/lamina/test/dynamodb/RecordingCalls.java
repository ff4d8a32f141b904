package dev.lamina.test.dynamodb;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * An SDK interceptor that records the name of every API call a client makes ({@code GetItem},
 * {@code PutItem}, ...), once per call and not per retry attempt: for tests that assert how many
 * round trips the code under test takes. Give it to
 * {@link DynamoDbLocalTables#client(java.net.URI, ExecutionInterceptor...)}, or to any SDK v2
 * client's override configuration. Thread-safe.
 */
public final class RecordingCalls implements ExecutionInterceptor {
  private final List<String> calls = new ArrayList<>();

  /** A recorder with no calls yet. */
  public RecordingCalls() {}

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
