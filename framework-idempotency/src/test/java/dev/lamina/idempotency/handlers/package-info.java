/** Handlers that tests run under the real runtime interface client, in a child JVM. */
package dev.lamina.idempotency.handlers;
