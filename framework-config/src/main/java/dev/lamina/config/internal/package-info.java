/**
 * Implementation of Lamina's configuration: binding plans, conversions, the SSM source. Not an
 * API: use the types in {@code dev.lamina.config}.
 */
package dev.lamina.config.internal;
