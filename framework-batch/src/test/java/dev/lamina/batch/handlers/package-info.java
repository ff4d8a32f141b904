/** Batch handlers run under the real runtime interface client by the tests. */
package dev.lamina.batch.handlers;
