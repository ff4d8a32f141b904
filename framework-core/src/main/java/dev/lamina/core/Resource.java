package dev.lamina.core;

import java.util.function.Supplier;

/**
 * A value created once per execution environment, in the init phase: an SDK client, parsed
 * configuration, a compiled expression. Declared through {@link Resources}; may be re-created
 * after a SnapStart restore.
 *
 * <p>{@link #get()} is cheap and thread-safe; it returns the current value, which changes only
 * when the resource is re-created after a restore.
 *
 * @param <T> the value type
 */
public interface Resource<T> extends Supplier<T> {

  /** The resource's name, as declared; never {@code null}. */
  String name();

  /** The current value; never {@code null}. */
  @Override
  T get();
}
