/**
 * Implementation of Lamina's JSON logging provider: the logger, its factory, the thread-local
 * MDC, settings read from the environment, the line encoder and the output sink. Not API: do
 * not import these types.
 */
package dev.lamina.logging.internal;
