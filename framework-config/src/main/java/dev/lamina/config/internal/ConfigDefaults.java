package dev.lamina.config.internal;

import java.time.Duration;

/** The defaults of configuration loading that more than one class needs. */
public final class ConfigDefaults {
  /**
   * The default budget of one load: 7.5 s of calls and backoff. A call started just before the
   * deadline is bounded by the HTTP client's {@link SsmClients#CONNECT_TIMEOUT} plus {@link
   * SsmClients#READ_TIMEOUT} (1.5 s), so loading ends within 9 s: under Lambda's 10 s on-demand
   * init limit, with a second left for the JVM's start and the handler's other resources.
   */
  public static final Duration INIT_BUDGET = Duration.ofMillis(7_500);

  private ConfigDefaults() {}
}
