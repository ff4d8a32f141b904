package dev.lamina.samples.config;

import dev.lamina.config.Config;
import dev.lamina.config.Configs;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.TimeGuard;
import dev.lamina.samples.greeting.Greeting;
import dev.lamina.samples.greeting.GreetingRequest;

/** The greeting function configured from environment variables only: no SDK class is loaded. */
@TimeGuard(safetyMarginMillis = 500)
@Config(GreetingSettings.class)
public class EnvGreetingHandler extends LambdaHandler<GreetingRequest, Greeting> {
  /** The constructor the Lambda runtime calls. */
  public EnvGreetingHandler() {
    super();
  }

  /**
   * For tests: a handler with an injected clock, environment and checkpoint registry.
   *
   * @param environment the environment; not {@code null}
   */
  public EnvGreetingHandler(HandlerEnvironment environment) {
    super(environment);
  }

  @Override
  protected Greeting handle(GreetingRequest request, Invocation invocation) {
    GreetingSettings settings = Configs.get(invocation, GreetingSettings.class);
    if (request.name() == null || request.name().isBlank()) {
      throw new IllegalArgumentException("[name] is required");
    }
    return new Greeting(
        settings.greeting() + ", " + request.name() + settings.punctuation(),
        invocation.requestId(),
        invocation.isColdStart());
  }
}
