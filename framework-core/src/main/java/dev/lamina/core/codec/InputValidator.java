package dev.lamina.core.codec;

import java.lang.reflect.Type;

/**
 * Checks a decoded input against the constraints its type declares, before the handler sees it.
 * A feature such as {@code @Validated} (module {@code framework-validation}) registers one with
 * {@link dev.lamina.core.InitContext#addInputValidator(InputValidator)} during init; Lamina then
 * calls it for the handler's input and, in batch handlers, for every record's payload.
 *
 * <p>Called on the invocation's thread (or a batch worker's) for every input, so it must be
 * thread-safe and cheap for types without constraints.
 */
@FunctionalInterface
public interface InputValidator {

  /**
   * Checks one value.
   *
   * @param value the decoded value; not {@code null}
   * @param type the type it was decoded as
   * @throws InputValidationException naming every violation, if there is any
   */
  void validate(Object value, Type type);
}
