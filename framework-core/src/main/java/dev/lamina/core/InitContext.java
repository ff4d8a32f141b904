package dev.lamina.core;

import dev.lamina.core.codec.InputValidator;
import dev.lamina.core.codec.PayloadCodec;
import java.lang.reflect.Type;

/**
 * What a handler offers to {@link InterceptorFactory interceptor factories} during init.
 * Valid for the life of the handler; thread-safe.
 */
public interface InitContext {

  /** The handler class being initialised (the user's subclass, or the builder's target). */
  Class<?> handlerClass();

  /** The handler's declared input type. */
  Type inputType();

  /** The handler's declared output type. */
  Type outputType();

  /** The codec the handler reads and writes payloads with. */
  PayloadCodec codec();

  /** The clock, environment variables and scheduler. */
  HandlerEnvironment environment();

  /** The handler's init-once resources, primed before a SnapStart checkpoint. */
  Resources resources();

  /**
   * Registers a check of every decoded input, run before the handler (and, in batch handlers,
   * before each record's handler); what it throws fails the invocation, or only that record.
   *
   * @param validator the check; not {@code null}
   * @throws UnsupportedOperationException if this context does not decode inputs
   */
  default void addInputValidator(InputValidator validator) {
    throw new UnsupportedOperationException(
        "[" + handlerClass().getName() + "] does not decode its inputs through Lamina");
  }
}
