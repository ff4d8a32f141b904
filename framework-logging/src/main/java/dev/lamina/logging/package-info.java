/**
 * Lamina's minimal SLF4J 2 provider: every log event becomes one JSON object on one line of
 * standard output, with the field names Powertools for AWS Lambda uses, so CloudWatch Logs
 * Insights queries and dashboards built for Powertools keep working.
 *
 * <p>Fields, in order: {@code timestamp} (ISO-8601 UTC with milliseconds), {@code level},
 * {@code message} (SLF4J {@code {}} placeholders filled in), {@code logger}, {@code service},
 * then every MDC entry, then the fluent API's key-value pairs, then {@code error}
 * ({@code name}, {@code message}, {@code stack}) when a throwable is logged.
 *
 * <p>Nothing here is called directly: SLF4J discovers {@link dev.lamina.logging.JsonLogProvider}
 * through the {@link java.util.ServiceLoader}. To use logback or log4j2 instead, exclude this
 * module from the {@code framework-core} dependency. Types in {@code dev.lamina.logging.internal}
 * are implementation and may change without notice.
 */
package dev.lamina.logging;
