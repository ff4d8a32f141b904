package dev.lamina.samples.config;

import dev.lamina.config.Config;
import dev.lamina.config.Configs;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.TimeGuard;
import dev.lamina.samples.greeting.Greeting;
import dev.lamina.samples.greeting.GreetingRequest;

/**
 * The greeting function configured from environment variables and SSM Parameter Store. Its
 * configuration is loaded and validated at init (two SSM calls: one {@code GetParametersByPath},
 * one {@code GetParameters}); a missing parameter fails init with one message listing every
 * problem. Values refresh after five minutes.
 */
@TimeGuard(safetyMarginMillis = 500)
@Config(GreeterConfig.class)
public class ConfiguredGreetingHandler extends LambdaHandler<GreetingRequest, Greeting> {
  /** The constructor the Lambda runtime calls. */
  public ConfiguredGreetingHandler() {
    super();
  }

  /**
   * For tests: a handler with an injected clock, environment and checkpoint registry.
   *
   * @param environment the environment; not {@code null}
   */
  public ConfiguredGreetingHandler(HandlerEnvironment environment) {
    super(environment);
  }

  @Override
  protected Greeting handle(GreetingRequest request, Invocation invocation) {
    GreeterConfig config = Configs.get(invocation, GreeterConfig.class);
    if (request.name() == null || request.name().isBlank()) {
      throw new IllegalArgumentException("[name] is required");
    }
    if (request.name().length() > config.maxNameLength()) {
      throw new IllegalArgumentException("[name] is longer than " + config.maxNameLength());
    }
    return new Greeting(
        config.greeting() + ", " + request.name() + config.punctuation(),
        invocation.requestId(),
        invocation.isColdStart());
  }
}
