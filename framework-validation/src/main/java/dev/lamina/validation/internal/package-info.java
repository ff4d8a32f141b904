/** The validation feature's implementation: the avaje-backed validator and its factory. Not API. */
package dev.lamina.validation.internal;
