package dev.lamina.logging.internal;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * A named SLF4J logger that writes through a {@link JsonLogSink}. Implements
 * {@link LoggingEventAware} so that the fluent API's key-value pairs
 * ({@code log.atInfo().addKeyValue("orderId", id).log("...")}) become JSON fields instead of
 * being folded into the message text. Markers are accepted and ignored.
 *
 * <p>Thread-safe; one instance per name, cached by {@link JsonLoggerFactory}.
 */
public final class JsonLogger extends AbstractLogger implements LoggingEventAware {

  private static final long serialVersionUID = 1L;

  /** Not serialised: a deserialised logger resolves to the live one by name ({@code readResolve}). */
  private final transient JsonLogSink sink;

  JsonLogger(String name, JsonLogSink sink) {
    this.name = name;
    this.sink = sink;
  }

  @Override
  public void log(LoggingEvent event) {
    Level level = event.getLevel();
    if (!sink.isEnabled(level)) {
      return;
    }
    Object[] args = event.getArgumentArray();
    Throwable throwable = event.getThrowable();
    if (throwable == null) {
      throwable = MessageFormatter.getThrowableCandidate(args);
      if (throwable != null) {
        args = MessageFormatter.trimmedCopy(args);
      }
    }
    sink.write(
        level,
        name,
        event.getTimeStamp(),
        event.getMessage(),
        args,
        throwable,
        event.getKeyValuePairs());
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] args, Throwable throwable) {
    sink.write(level, name, 0L, pattern, args, throwable, null);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  public boolean isTraceEnabled() {
    return sink.isEnabled(Level.TRACE);
  }

  @Override
  public boolean isTraceEnabled(Marker marker) {
    return sink.isEnabled(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return sink.isEnabled(Level.DEBUG);
  }

  @Override
  public boolean isDebugEnabled(Marker marker) {
    return sink.isEnabled(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return sink.isEnabled(Level.INFO);
  }

  @Override
  public boolean isInfoEnabled(Marker marker) {
    return sink.isEnabled(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return sink.isEnabled(Level.WARN);
  }

  @Override
  public boolean isWarnEnabled(Marker marker) {
    return sink.isEnabled(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return sink.isEnabled(Level.ERROR);
  }

  @Override
  public boolean isErrorEnabled(Marker marker) {
    return sink.isEnabled(Level.ERROR);
  }
}
