package dev.lamina.benchmarks.validation;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The sign-up request with Jakarta Bean Validation constraints.
 *
 * @param name 1 to 40 characters
 * @param email an address
 * @param age 18 or more
 * @param tags up to five, none blank
 */
public record JakartaSignup(
    @NotBlank @Size(max = 40) String name,
    @NotBlank @Email String email,
    @Min(18) int age,
    @Size(max = 5) List<@NotBlank String> tags) {}
