/**
 * Lamina's implementation. Not public API: users must not import it; it changes without notice.
 */
package dev.lamina.core.internal;
