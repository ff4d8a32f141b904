/**
 * The implementation of {@link dev.lamina.core.http}: problem JSON, the interceptor and the
 * responses per event family. Not public API.
 */
package dev.lamina.core.internal.http;
