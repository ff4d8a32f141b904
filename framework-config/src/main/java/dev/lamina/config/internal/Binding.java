package dev.lamina.config.internal;

import java.lang.reflect.Type;

/**
 * One field of a configuration type and where its value comes from.
 *
 * @param field the field or record component name
 * @param type the field's declared type
 * @param source where the value is looked up
 * @param key the variable name, the parameter's full name, or the key relative to the path
 * @param defaultValue the {@code @Default} text, or {@code null}
 * @param optional whether a missing value is allowed
 * @param wrapInOptional whether the field is a {@code java.util.Optional}
 * @param secret whether the value must stay masked ({@code SecretValue} fields)
 * @param converter converts the text to the (unwrapped) type
 */
public record Binding(
    String field,
    Type type,
    Source source,
    String key,
    String defaultValue,
    boolean optional,
    boolean wrapInOptional,
    boolean secret,
    Converter converter) {

  /** Where a binding's value comes from. */
  public enum Source {
    /** An environment variable. */
    ENV("environment variable"),
    /** An SSM parameter by its full name. */
    PARAMETER("SSM parameter"),
    /** An SSM parameter under the type's path. */
    PATH("SSM parameter under the path");

    private final String description;

    Source(String description) {
      this.description = description;
    }

    /** For messages. */
    public String description() {
      return description;
    }
  }
}
