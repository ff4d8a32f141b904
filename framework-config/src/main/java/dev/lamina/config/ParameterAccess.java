package dev.lamina.config;

/**
 * How Lamina reads SSM parameters when no {@link ParameterSource} is given.
 *
 * <pre>{@code
 * @Config(value = OrdersConfig.class, access = ParameterAccess.EXTENSION)
 * }</pre>
 */
public enum ParameterAccess {
  /**
   * The AWS SDK's {@code SsmClient}: paths in one paged {@code GetParametersByPath}, names in
   * batches of 10. Works everywhere; costs the SDK's start-up at the first load.
   */
  SDK,

  /**
   * The AWS Parameters and Secrets Lambda Extension ({@code localhost:2773}, or
   * {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT}), authenticated with {@code AWS_SESSION_TOKEN}:
   * no SDK class is loaded. It reads one name per local HTTP call, so path fields are read by
   * their full names; the extension caches values itself (its own TTL applies on top of the max
   * age). The function needs the extension's layer.
   */
  EXTENSION
}
