package dev.lamina.samples.greeting;

/**
 * The greeting function's output.
 *
 * @param message the greeting
 * @param requestId the Lambda request id that produced it
 * @param coldStart whether this was the environment's first invocation
 */
public record Greeting(String message, String requestId, boolean coldStart) {}
