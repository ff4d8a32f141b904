/**
 * Small handlers run by the test kit's own tests under the real runtime: they depend only on
 * aws-lambda-java-core, like a user's plain handler would.
 */
package dev.lamina.test.handlers;
