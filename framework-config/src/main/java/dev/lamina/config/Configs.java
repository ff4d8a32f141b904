package dev.lamina.config;

import dev.lamina.core.AttributeKey;
import dev.lamina.core.Invocation;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The handler's way to its configuration: {@link Config @Config}'s interceptor puts the current
 * values on every invocation, and {@link #get(Invocation, Class)} reads them back. One invocation
 * sees one snapshot: a refresh happens only between invocations' starts, never in the middle.
 *
 * <pre>{@code
 * protected Receipt handle(Order order, Invocation invocation) {
 *   OrdersConfig config = Configs.get(invocation, OrdersConfig.class);
 *   ...
 * }
 * }</pre>
 */
public final class Configs {
  @SuppressWarnings("rawtypes")
  private static final AttributeKey<Map> KEY = AttributeKey.of("lamina.config", Map.class);

  private Configs() {}

  /**
   * The configuration values for this invocation.
   *
   * @param invocation the current invocation; not {@code null}
   * @param type the configuration type named in {@code @Config}
   * @param <T> the type
   * @return the values; never {@code null}
   * @throws ConfigurationException if no {@code @Config} (or {@link ConfigFeature})
   *     of that type is on the handler
   */
  public static <T> T get(Invocation invocation, Class<T> type) {
    Objects.requireNonNull(invocation, "invocation");
    Objects.requireNonNull(type, "type");
    Object value = invocation.attribute(KEY).map(m -> m.get(type)).orElse(null);
    if (value == null) {
      throw new ConfigurationException(
          "No configuration ["
              + type.getName()
              + "] on this invocation: annotate the handler with @Config("
              + type.getSimpleName()
              + ".class), or add ConfigFeature.of(..) to its builder",
          null);
    }
    return type.cast(value);
  }

  @SuppressWarnings("unchecked")
  static void put(Invocation invocation, Class<?> type, Object value) {
    Map<Class<?>, Object> current = invocation.attribute(KEY).orElse(null);
    if (current == null) {
      invocation.setAttribute(KEY, Map.of(type, value)); // the usual case: one config type
      return;
    }
    Map<Class<?>, Object> next = new HashMap<>(current);
    next.put(type, value);
    invocation.setAttribute(KEY, Map.copyOf(next));
  }
}
