package dev.lamina.samples.validation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The greeting's request with its constraints.
 *
 * @param name who to greet: not blank, at most 60 characters
 */
@Valid
public record NamedRequest(@NotBlank @Size(max = 60) String name) {}
