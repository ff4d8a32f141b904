package dev.lamina.config;

import dev.lamina.config.internal.ConfigDefaults;
import dev.lamina.config.internal.ExtensionParameterSource;
import dev.lamina.config.internal.Retrier;
import dev.lamina.core.codec.PayloadCodec;
import dev.lamina.core.internal.EnvironmentReader;
import java.util.Map;
import java.util.Objects;

/**
 * The AWS Parameters and Secrets Lambda Extension as a {@link ParameterSource}: one local
 * {@code GET /systemsmanager/parameters/get?name=...&withDecryption=true} per parameter, with the
 * {@code X-Aws-Parameters-Secrets-Token} header, and no AWS SDK class loaded.
 *
 * <pre>{@code
 * ConfigLoader loader = ConfigLoader.builder()
 *     .parameterSource(ParametersExtension.fromEnvironment(System.getenv(), Codecs.standard()))
 *     .build();
 * }</pre>
 */
public final class ParametersExtension {
  /** The extension's default port. */
  public static final int DEFAULT_PORT = 2773;

  /** The variable that changes the port, as the extension itself reads it. */
  public static final String PORT_VARIABLE = "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT";

  private ParametersExtension() {}

  /**
   * A source talking to the extension on {@code localhost}.
   *
   * @param environment supplies {@code AWS_SESSION_TOKEN} and, optionally, {@link #PORT_VARIABLE}
   * @param codec reads the extension's JSON answers
   * @return a thread-safe source; it {@linkplain ParameterSource#readsPaths() reads no paths}
   * @throws ConfigurationException if there is no session token or the port is not a number
   */
  public static ParameterSource fromEnvironment(
      Map<String, String> environment, PayloadCodec codec) {
    return fromEnvironment(environment, codec, Retrier.system(ConfigDefaults.INIT_BUDGET));
  }

  static ParameterSource fromEnvironment(
      Map<String, String> environment, PayloadCodec codec, Retrier retrier) {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(codec, "codec");
    EnvironmentReader env = new EnvironmentReader(environment);
    if (env.get("AWS_SESSION_TOKEN") == null) {
      env.problem(
          "No [AWS_SESSION_TOKEN] for the Parameters and Secrets extension: it is set on"
              + " Lambda; elsewhere use ParameterAccess.SDK");
    }
    Long port =
        env.wholeNumber(
            PORT_VARIABLE,
            1,
            65_535,
            "must be the extension's port (1 to 65535), or unset for " + DEFAULT_PORT);
    if (env.hasProblems()) {
      throw new ConfigurationException(
          env.describeProblems("The Parameters and Secrets extension cannot be used"), null);
    }
    String token = env.get("AWS_SESSION_TOKEN");
    return new ExtensionParameterSource(
        "http://localhost:" + (port == null ? DEFAULT_PORT : port), token, codec, retrier);
  }
}
