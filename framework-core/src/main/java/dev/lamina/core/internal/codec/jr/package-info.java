/**
 * The jackson-jr engine, which serves records, beans, maps, lists and scalars without loading
 * jackson-databind. It answers only when its answer is databind's and declines otherwise
 * ({@link dev.lamina.core.internal.codec.jr.JrDeclined}); {@code JrAdapter} is the one class that
 * reaches into jr's {@code impl} package.
 */
package dev.lamina.core.internal.codec.jr;
