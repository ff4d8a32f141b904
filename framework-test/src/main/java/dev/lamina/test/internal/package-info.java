/**
 * Implementation of the Lamina test kit. Not an API: anything here may change in any release; use
 * the types in {@code dev.lamina.test} instead.
 */
package dev.lamina.test.internal;
