package dev.lamina.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.core.codec.InputValidationException.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputValidationExceptionTest {

  @Test
  void violations_areSortedByPathThenRule_whateverOrderTheyWereFoundIn() {
    InputValidationException e =
        new InputValidationException(
            "Signup",
            List.of(
                new Violation("$.name", "Size(min=0, max=40)"),
                new Violation("$.age", "Min(18)"),
                new Violation("$.name", "NotBlank")));

    assertEquals(
        List.of(
            new Violation("$.age", "Min(18)"),
            new Violation("$.name", "NotBlank"),
            new Violation("$.name", "Size(min=0, max=40)")),
        e.violations());
    assertEquals("$.age", e.jsonPath());
    assertEquals(
        "Input [Signup] breaks 3 constraints: $.age Min(18); $.name NotBlank; $.name"
            + " Size(min=0, max=40)",
        e.getMessage());
  }

  @Test
  void noViolation_isRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> new InputValidationException("T", List.of()));
  }
}
