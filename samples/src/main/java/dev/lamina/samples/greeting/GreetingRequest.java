package dev.lamina.samples.greeting;

/**
 * The greeting function's input.
 *
 * @param name who to greet; required
 */
public record GreetingRequest(String name) {}
