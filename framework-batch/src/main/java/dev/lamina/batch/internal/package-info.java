/** The record engine and the source adapters. Not for use outside Lamina. */
package dev.lamina.batch.internal;
