package dev.lamina.validation;

import dev.lamina.core.Feature;
import dev.lamina.validation.internal.ValidatedFactory;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Checks the handler's decoded input, and in a {@code BatchHandler} every record's payload,
 * against the Jakarta constraints of its type ({@code @NotBlank}, {@code @Min}, {@code @Email},
 * ...) before the handler runs. Every violation is reported at once, in an {@link
 * dev.lamina.core.codec.InputValidationException} naming each JSON path and rule, never a value;
 * in a batch it fails that record only.
 *
 * <p>The input type (a record or class) carries {@code @jakarta.validation.Valid} and the
 * constraints; avaje-validator's annotation processor ({@code io.avaje:avaje-validator-generator}
 * on the compiler's processor path) turns them into code at compile time. Types without
 * constraints pass unchecked. The plain-Java equivalent is {@link ValidationConfig}.
 *
 * <pre>{@code
 * @Valid
 * public record Signup(@NotBlank @Size(max = 40) String name, @Email String email, @Min(18) int age) {}
 *
 * @Validated
 * public class SignupHandler extends LambdaHandler<Signup, Welcome> { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Feature(value = ValidatedFactory.class, order = ValidationConfig.ORDER)
public @interface Validated {}
