/** The metrics feature's implementation: its interceptor, recorder and line writer. Not API. */
package dev.lamina.metrics.internal;
