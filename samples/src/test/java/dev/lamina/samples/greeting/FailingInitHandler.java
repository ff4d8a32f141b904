package dev.lamina.samples.greeting;

import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.TimeGuard;

/** A misconfigured function: its time guard has a negative margin, so init must fail. */
@TimeGuard(safetyMarginMillis = -5)
public class FailingInitHandler extends LambdaHandler<GreetingRequest, Greeting> {
  @Override
  protected Greeting handle(GreetingRequest input, Invocation invocation) {
    throw new AssertionError("never reached: init fails");
  }
}
