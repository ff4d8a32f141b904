package dev.lamina.samples.metrics;

import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.TimeGuard;
import dev.lamina.core.metrics.InvocationMetrics;
import dev.lamina.core.metrics.MetricUnit;
import dev.lamina.metrics.Metrics;
import dev.lamina.samples.greeting.Greeting;
import dev.lamina.samples.greeting.GreetingRequest;

/**
 * The greeting sample with metrics: every invocation writes one Embedded Metric Format line to
 * standard output, which CloudWatch Logs turns into metrics in the {@code LaminaSamples}
 * namespace, plus a {@code ColdStart} line once per on-demand environment. Deploy it with the
 * handler {@code dev.lamina.samples.metrics.MeteredGreetingHandler}.
 *
 * <p>{@code GreetingAttempts} is recorded before the input is checked, so a failed invocation
 * still counts; {@code Greetings} and {@code NameLength} only when it succeeds. A long name adds
 * the dimension {@code NameSize=long} to that invocation's metrics, and to no other.
 */
@Metrics(namespace = "LaminaSamples")
@TimeGuard(safetyMarginMillis = 500, watchdogMillis = 200)
public class MeteredGreetingHandler extends LambdaHandler<GreetingRequest, Greeting> {
  private static final int LONG_NAME = 12;

  /** The constructor the Lambda runtime calls. */
  public MeteredGreetingHandler() {
    super();
  }

  /** For tests: a handler with an injected clock and environment. */
  public MeteredGreetingHandler(HandlerEnvironment environment) {
    super(environment);
  }

  @Override
  protected Greeting handle(GreetingRequest request, Invocation invocation) {
    InvocationMetrics metrics = invocation.metrics();
    metrics.add("GreetingAttempts", 1, MetricUnit.COUNT);
    if (request == null || request.name() == null || request.name().isBlank()) {
      throw new IllegalArgumentException("[name] is required: send {\"name\":\"...\"}");
    }
    invocation.checkRemainingTime();
    if (request.name().length() >= LONG_NAME) {
      metrics.dimension("NameSize", "long");
    }
    metrics
        .add("Greetings", 1, MetricUnit.COUNT)
        .add("NameLength", request.name().length(), MetricUnit.NONE);
    return new Greeting(
        "Hello, " + request.name() + "!", invocation.requestId(), invocation.isColdStart());
  }
}
