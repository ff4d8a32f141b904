package dev.lamina.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A sign-up with constraints on every kind of member: text, number, list, nested object. */
@Valid
public record Signup(
    @NotBlank @Size(max = 40) @JsonProperty("display_name") String name,
    @NotBlank @Email String email,
    @Min(18) int age,
    @Size(max = 3) List<@NotBlank String> tags,
    @NotNull @Valid Address address) {

  /** The address. */
  @Valid
  public record Address(@NotBlank String city, @Size(min = 2, max = 2) String country) {}
}
