package dev.lamina.config;

import java.util.Objects;

/**
 * One parameter as a {@link ParameterSource} returns it. {@link #toString()} never shows the value.
 *
 * @param name the full name, such as {@code /orders/prod/pool-size}; not {@code null}
 * @param value the value in clear; not {@code null}
 * @param secure whether it was stored encrypted (an SSM {@code SecureString}); such values may
 *     only bind to {@link SecretValue} fields
 */
public record ParameterValue(String name, String value, boolean secure) {

  public ParameterValue {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "ParameterValue[" + name + (secure ? ", secure" : "") + "]";
  }
}
