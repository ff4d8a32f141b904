package dev.lamina.samples.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A sign-up, as the client posts it.
 *
 * @param name the display name, sent as {@code display_name}
 * @param email a well-formed address
 * @param age 18 or more
 * @param interests up to five, none blank
 */
@Valid
public record SignupRequest(
    @NotBlank @Size(max = 40) @JsonProperty("display_name") String name,
    @NotBlank @Email String email,
    @Min(18) int age,
    @Size(max = 5) List<@NotBlank String> interests) {}
