/**
 * Input validation at the codec boundary: {@link dev.lamina.validation.Validated @Validated} on a
 * handler checks every decoded input (and every batch record's payload) against its Jakarta
 * constraint annotations before the handler runs, reporting every violation at once as an {@link
 * dev.lamina.core.codec.InputValidationException}. The checks are code generated at compile time
 * by avaje-validator's annotation processor: no reflection at run time.
 */
package dev.lamina.validation;
