/**
 * The input-validation candidates measured by the cold-start harness: one sign-up request with
 * the same constraints, checked by Hibernate Validator, by avaje-validator and by a JSON Schema,
 * next to the same handler without validation.
 */
package dev.lamina.benchmarks.validation;
