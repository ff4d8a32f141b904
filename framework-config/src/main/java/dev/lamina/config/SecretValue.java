package dev.lamina.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret configuration value: its {@link #toString()} is masked, so a record or log line that
 * includes it never prints it. Read the clear value with {@link #reveal()} where it is used, and do
 * not log that.
 *
 * <p>Immutable and thread-safe. Equality compares the clear values in constant time.
 *
 * <pre>{@code
 * public record DbConfig(@Parameter("/orders/db-password") SecretValue password) {}
 * dataSource.setPassword(config.password().reveal());
 * }</pre>
 */
public final class SecretValue {
  private static final String MASK = "****";
  private final String value;

  private SecretValue(String value) {
    this.value = value;
  }

  /**
   * Wraps a clear value.
   *
   * @param value the secret; not {@code null}
   * @return the secret value
   */
  public static SecretValue of(String value) {
    return new SecretValue(Objects.requireNonNull(value, "value"));
  }

  /** The clear value; never {@code null}. Keep it out of logs and messages. */
  public String reveal() {
    return value;
  }

  /** Always {@code "****"}, whatever the value. */
  @Override
  public String toString() {
    return MASK;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretValue
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8),
            ((SecretValue) o).value.getBytes(StandardCharsets.UTF_8));
  }

  /** A constant: a hash would leak information about the value. */
  @Override
  public int hashCode() {
    return 0x5EC2E7;
  }
}
