/** Cold-start and per-invocation benchmarks. Not shipped. */
package dev.lamina.benchmarks;
