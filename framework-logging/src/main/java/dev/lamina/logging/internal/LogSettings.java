package dev.lamina.logging.internal;

import java.util.Map;
import org.slf4j.event.Level;

/**
 * The logging settings read from the environment once, when the provider initialises.
 *
 * <ul>
 *   <li>Level: {@code AWS_LAMBDA_LOG_LEVEL}, else {@code LAMINA_LOG_LEVEL}, else INFO. One of
 *       TRACE, DEBUG, INFO, WARN, ERROR, case-insensitive; Lambda's FATAL means ERROR. An
 *       unknown value means INFO plus a {@linkplain #warning() warning} to log.</li>
 *   <li>Service: {@code POWERTOOLS_SERVICE_NAME}, else {@code LAMINA_SERVICE_NAME}, else
 *       {@code AWS_LAMBDA_FUNCTION_NAME}, else {@value #UNDEFINED_SERVICE}.</li>
 * </ul>
 *
 * <p>A variable that is set but blank counts as not set. Immutable and thread-safe.
 */
public final class LogSettings {

  /** The service name when no variable names one; the same default as Powertools. */
  public static final String UNDEFINED_SERVICE = "service_undefined";

  static final String AWS_LEVEL = "AWS_LAMBDA_LOG_LEVEL";
  static final String LAMINA_LEVEL = "LAMINA_LOG_LEVEL";
  private static final int MAX_ECHOED_VALUE = 40;

  private final Level level;
  private final String service;
  private final String warning;

  private LogSettings(Level level, String service, String warning) {
    this.level = level;
    this.service = service;
    this.warning = warning;
  }

  /**
   * Reads the settings.
   *
   * @param env the environment, usually {@code System.getenv()}; not null
   * @return the settings; never null
   */
  public static LogSettings fromEnvironment(Map<String, String> env) {
    String source = AWS_LEVEL;
    String raw = nonBlank(env.get(AWS_LEVEL));
    if (raw == null) {
      source = LAMINA_LEVEL;
      raw = nonBlank(env.get(LAMINA_LEVEL));
    }
    Level level = Level.INFO;
    String warning = null;
    if (raw != null) {
      Level parsed = parseLevel(raw);
      if (parsed != null) {
        level = parsed;
      } else {
        warning = unknownLevelWarning(source, raw);
      }
    }

    String service = nonBlank(env.get("POWERTOOLS_SERVICE_NAME"));
    if (service == null) {
      service = nonBlank(env.get("LAMINA_SERVICE_NAME"));
    }
    if (service == null) {
      service = nonBlank(env.get("AWS_LAMBDA_FUNCTION_NAME"));
    }
    return new LogSettings(level, service == null ? UNDEFINED_SERVICE : service, warning);
  }

  /** @return the least severe level written; never null */
  public Level level() {
    return level;
  }

  /** @return the value of the {@code service} field; never null */
  public String service() {
    return service;
  }

  /** @return a message to log at WARN because a level variable was not understood, or null */
  public String warning() {
    return warning;
  }

  static Level parseLevel(String value) {
    String name = value.trim();
    if (name.equalsIgnoreCase("TRACE")) {
      return Level.TRACE;
    } else if (name.equalsIgnoreCase("DEBUG")) {
      return Level.DEBUG;
    } else if (name.equalsIgnoreCase("INFO")) {
      return Level.INFO;
    } else if (name.equalsIgnoreCase("WARN")) {
      return Level.WARN;
    } else if (name.equalsIgnoreCase("ERROR") || name.equalsIgnoreCase("FATAL")) {
      return Level.ERROR;
    }
    return null;
  }

  private static String unknownLevelWarning(String variable, String value) {
    String echoed =
        value.length() <= MAX_ECHOED_VALUE ? value : value.substring(0, MAX_ECHOED_VALUE) + "...";
    return "Unknown log level ["
        + echoed
        + "] in ["
        + variable
        + "]; logging at INFO. "
        + "Set it to one of TRACE, DEBUG, INFO, WARN, ERROR or FATAL.";
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
