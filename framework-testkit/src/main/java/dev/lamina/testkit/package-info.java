/**
 * Lamina's test kit: what tests of Lamina handlers need on top of framework-test, which serves any
 * Java function. {@link dev.lamina.testkit.ManualScheduler} fires the time guard's watchdog when
 * the test says; {@link dev.lamina.testkit.ManualSleeper} replaces the idempotency engine's sleep
 * while it waits for a duplicate in progress; {@link dev.lamina.testkit.FeatureEnvironment} points
 * Lamina's features at local servers.
 *
 * <p>It depends on framework-core and framework-test only: pieces of other features come in as
 * parameters (a method reference to a sleeper seam, a table layout), so the tests of every
 * Lamina module except core can use it as an ordinary test dependency.
 */
package dev.lamina.testkit;
