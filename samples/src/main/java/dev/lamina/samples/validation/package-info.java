/**
 * Validated input: the greeting with {@code @Validated}, and an HTTP API sign-up whose invalid
 * bodies are answered 400 with every violation.
 */
package dev.lamina.samples.validation;
