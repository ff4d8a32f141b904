package dev.lamina.core;

import java.util.Objects;

/**
 * A typed key into an {@link Invocation}'s attribute store. Keys compare by identity: keep one
 * in a {@code static final} field and share it.
 *
 * <pre>{@code
 * static final AttributeKey<String> TENANT = AttributeKey.of("tenant", String.class);
 * invocation.setAttribute(TENANT, "acme");
 * }</pre>
 *
 * @param <T> the type of the value stored under this key
 */
public final class AttributeKey<T> {
  private final String name;
  private final Class<T> type;

  private AttributeKey(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
  }

  /**
   * Creates a new key.
   *
   * @param name a name for messages; not {@code null}
   * @param type the value type; not {@code null}
   * @param <T> the value type
   * @return a new key, distinct from every other key
   */
  public static <T> AttributeKey<T> of(String name, Class<T> type) {
    return new AttributeKey<>(name, type);
  }

  /** The key's name, for messages. */
  public String name() {
    return name;
  }

  /** The value type. */
  public Class<T> type() {
    return type;
  }

  @Override
  public String toString() {
    return "AttributeKey[" + name + "]";
  }
}
