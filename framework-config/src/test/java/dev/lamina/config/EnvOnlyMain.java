package dev.lamina.config;

import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Invocation;
import dev.lamina.core.LambdaHandler;
import dev.lamina.test.Invoke;
import java.time.Duration;
import java.util.Map;

/** Run in a child JVM by {@link EnvOnlyConfigTest}: an env-only {@code @Config} handler, invoked once. */
public final class EnvOnlyMain {
  record Settings(String greeting, Duration timeout, @Default("3") int retries) {}

  @Config(Settings.class)
  static final class Handler extends LambdaHandler<Map<String, Object>, String> {
    Handler(HandlerEnvironment env) {
      super(env);
    }

    @Override
    protected String handle(Map<String, Object> input, Invocation invocation) {
      Settings s = Configs.get(invocation, Settings.class);
      return s.greeting() + " " + s.timeout().toMillis() + " " + s.retries();
    }
  }

  public static void main(String[] args) throws Exception {
    Handler handler =
        new Handler(
            HandlerEnvironment.builder()
                .variables(Map.of("GREETING", "hi", "TIMEOUT", "2s"))
                .build());
    System.out.println("RESULT " + Invoke.stream(handler, "{}"));
    System.exit(0);
  }
}
