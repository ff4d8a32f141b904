package dev.lamina.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lamina.core.HandlerEnvironment;
import dev.lamina.core.Lamina;
import dev.lamina.core.codec.InputValidationException;
import dev.lamina.core.codec.InputValidationException.Violation;
import dev.lamina.test.FakeContext;
import dev.lamina.test.Invoke;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The handler's input checked before it runs: every violation, JSON paths, rules, no values. */
class ValidationTest {
  private final AtomicInteger calls = new AtomicInteger();

  private RequestStreamHandler signups() {
    return Lamina.<Signup, String>handler(
            Signup.class,
            String.class,
            (in, inv) -> {
              calls.incrementAndGet();
              return "welcome " + in.name();
            })
        .feature(ValidationConfig.ofDefaults())
        .environment(HandlerEnvironment.builder().variables(Map.of()).build())
        .build();
  }

  private static final String VALID =
      "{\"display_name\":\"Ada\",\"email\":\"ada@example.com\",\"age\":36,"
          + "\"tags\":[\"math\"],\"address\":{\"city\":\"London\",\"country\":\"GB\"}}";

  @Test
  void aValidInput_reachesTheHandler() {
    assertEquals("\"welcome Ada\"", Invoke.stream(signups(), VALID, FakeContext.create()));
    assertEquals(1, calls.get());
  }

  @Test
  void everyViolation_isReportedAtOnce_withJsonPathsAndRules_andTheHandlerDoesNotRun() {
    String secretName = "Zyx-secret-name-that-is-far-too-long-for-the-limit-of-forty";
    String invalid =
        "{\"display_name\":\""
            + secretName
            + "\",\"email\":\"not-an-address-q7\",\"age\":7,"
            + "\"tags\":[\"ok\",\"  \",\"c\",\"d\"],\"address\":{\"city\":\"\",\"country\":\"GBR\"}}";

    InputValidationException e =
        assertThrows(
            InputValidationException.class,
            () -> Invoke.stream(signups(), invalid, FakeContext.create()));

    assertEquals(
        List.of(
            new Violation("$.address.city", "NotBlank"),
            new Violation("$.address.country", "Size(min=2, max=2)"),
            new Violation("$.age", "Min(18)"),
            new Violation("$.display_name", "Size(min=0, max=40)"),
            new Violation("$.email", "Email"),
            new Violation("$.tags", "Size(min=0, max=3)"),
            new Violation("$.tags[1]", "NotBlank")),
        e.violations());
    assertEquals(0, calls.get());
    assertEquals("Signup", e.targetType());
    for (String value : List.of(secretName, "Zyx", "not-an-address-q7", "GBR", "\"7\"")) {
      assertFalse(e.getMessage().contains(value), e.getMessage());
    }
    assertEquals(
        "Input [Signup] breaks 7 constraints: $.address.city NotBlank; $.address.country"
            + " Size(min=2, max=2); $.age Min(18); $.display_name Size(min=0, max=40); $.email"
            + " Email; $.tags Size(min=0, max=3); $.tags[1] NotBlank",
        e.getMessage());
  }

  @Test
  void aMissingNestedObject_isOneViolation() {
    InputValidationException e =
        assertThrows(
            InputValidationException.class,
            () ->
                Invoke.stream(
                    signups(),
                    "{\"display_name\":\"Ada\",\"email\":\"ada@example.com\",\"age\":18}",
                    FakeContext.create()));
    assertEquals(List.of(new Violation("$.address", "NotNull")), e.violations());
  }

  @Test
  void typesWithoutConstraints_passUnchecked() {
    RequestStreamHandler h =
        Lamina.<Map<String, Object>, String>handler(Map.class, String.class, (in, inv) -> "ok")
            .feature(ValidationConfig.ofDefaults())
            .environment(HandlerEnvironment.builder().variables(Map.of()).build())
            .build();
    assertEquals("\"ok\"", Invoke.stream(h, "{\"anything\":1}", FakeContext.create()));
  }

  @Test
  void anotherEngine_plugsIn_andItsViolationsAreReportedTheSameWay() {
    RequestStreamHandler h =
        Lamina.<Map<String, Object>, String>handler(Map.class, String.class, (in, inv) -> "ok")
            .feature(
                ValidationConfig.custom()
                    .validator(
                        (value, type) -> {
                          if (!((Map<?, ?>) value).containsKey("id")) {
                            throw new InputValidationException(
                                "Map", List.of(new Violation("$.id", "Required")));
                          }
                        })
                    .build())
            .environment(HandlerEnvironment.builder().variables(Map.of()).build())
            .build();
    InputValidationException e =
        assertThrows(
            InputValidationException.class,
            () -> Invoke.stream(h, "{\"name\":\"x\"}", FakeContext.create()));
    assertEquals(List.of(new Violation("$.id", "Required")), e.violations());
    assertEquals("\"ok\"", Invoke.stream(h, "{\"id\":1}", FakeContext.create()));
  }
}
