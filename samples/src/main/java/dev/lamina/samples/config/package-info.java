/**
 * The configuration samples: the greeting function with typed configuration from environment
 * variables only ({@link dev.lamina.samples.config.EnvGreetingHandler}) and from environment
 * variables plus SSM Parameter Store ({@link dev.lamina.samples.config.ConfiguredGreetingHandler}).
 */
package dev.lamina.samples.config;
