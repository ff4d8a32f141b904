package dev.lamina.benchmarks.validation;

import java.util.List;

/**
 * The sign-up request without constraints: the baseline, and what the JSON Schema variant reads.
 *
 * @param name the name
 * @param email the address
 * @param age the age
 * @param tags up to five tags
 */
public record PlainSignup(String name, String email, int age, List<String> tags) {}
