package dev.lamina.core;

/**
 * The names under which Lamina puts an invocation's context in the SLF4J MDC for the duration of
 * the invocation. They match the JSON field names of Powertools for AWS Lambda, so CloudWatch
 * Logs Insights queries written for Powertools keep working, whichever SLF4J back end writes the
 * log (Lamina's own JSON provider, or logback/log4j2 with a JSON encoder that reads the MDC).
 */
public final class LogFields {
  private LogFields() {}

  /** The Lambda request id. */
  public static final String REQUEST_ID = "function_request_id";

  /** The function's name. */
  public static final String FUNCTION_NAME = "function_name";

  /** The function's version ({@code $LATEST} or a number). */
  public static final String FUNCTION_VERSION = "function_version";

  /** The ARN the function was invoked with. */
  public static final String FUNCTION_ARN = "function_arn";

  /** The configured memory in MB. */
  public static final String FUNCTION_MEMORY_SIZE = "function_memory_size";

  /** {@code true} for the first invocation of an on-demand execution environment. */
  public static final String COLD_START = "cold_start";

  /**
   * {@code true} on the first invocation after a SnapStart restore; absent otherwise (a restored
   * environment's first invocation has {@value #COLD_START} {@code false}).
   */
  public static final String SNAP_START_RESTORE = "snap_start_restore";

  /** The X-Ray trace id, when tracing is on. */
  public static final String XRAY_TRACE_ID = "xray_trace_id";

  /** A correlation id, when one is known (see {@link Invocation#setCorrelationId(String)}). */
  public static final String CORRELATION_ID = "correlation_id";
}
