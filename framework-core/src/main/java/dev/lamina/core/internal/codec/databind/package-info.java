/**
 * The jackson-databind engine: the base mapper, configured as leniently as the Lambda runtime's
 * plain mapper, and the per-class event mappers of {@code dev.lamina.core.internal.codec.events}.
 * Built on first need, so functions that jr serves never load it.
 */
package dev.lamina.core.internal.codec.databind;
