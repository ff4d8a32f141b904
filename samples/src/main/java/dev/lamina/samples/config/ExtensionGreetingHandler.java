package dev.lamina.samples.config;

import dev.lamina.config.Config;
import dev.lamina.config.Configs;
import dev.lamina.config.ParameterAccess;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.core.TimeGuard;
import dev.lamina.samples.greeting.Greeting;
import dev.lamina.samples.greeting.GreetingRequest;

/**
 * {@link ConfiguredGreetingHandler} reading SSM through the Parameters and Secrets Lambda
 * extension instead of the SDK (the function needs the extension's layer): three local HTTP
 * calls at init, no SDK class loaded.
 */
@TimeGuard(safetyMarginMillis = 500)
@Config(value = GreeterConfig.class, access = ParameterAccess.EXTENSION)
public class ExtensionGreetingHandler extends LambdaHandler<GreetingRequest, Greeting> {
  /** The constructor the Lambda runtime calls. */
  public ExtensionGreetingHandler() {
    super();
  }

  /**
   * For tests: a handler with an injected clock, environment and checkpoint registry.
   *
   * @param environment the environment; not {@code null}
   */
  public ExtensionGreetingHandler(HandlerEnvironment environment) {
    super(environment);
  }

  @Override
  protected Greeting handle(GreetingRequest request, Invocation invocation) {
    GreeterConfig config = Configs.get(invocation, GreeterConfig.class);
    if (request.name() == null || request.name().isBlank()) {
      throw new IllegalArgumentException("[name] is required");
    }
    return new Greeting(
        config.greeting() + ", " + request.name() + config.punctuation(),
        invocation.requestId(),
        invocation.isColdStart());
  }
}
