package dev.lamina.samples.config;

import dev.lamina.config.Default;
import java.time.Duration;

/**
 * Environment-only settings: {@code GREETING} (default {@code Hello}), {@code PUNCTUATION}
 * (default {@code !}) and {@code SLOW_CALL_THRESHOLD} (default 2 s).
 */
public record GreetingSettings(
    @Default("Hello") String greeting,
    @Default("!") String punctuation,
    @Default("2s") Duration slowCallThreshold) {}
