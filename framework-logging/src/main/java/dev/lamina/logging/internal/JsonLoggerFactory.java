package dev.lamina.logging.internal;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/**
 * Creates {@link JsonLogger}s and caches them by name, so {@code getLogger(name)} returns the
 * same instance every time. Thread-safe.
 */
public final class JsonLoggerFactory implements ILoggerFactory {

  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final JsonLogSink sink;

  /** @param sink where the loggers write; not null */
  public JsonLoggerFactory(JsonLogSink sink) {
    this.sink = sink;
  }

  /**
   * @param name the logger name, written as the {@code logger} field; not null
   * @return the logger for {@code name}; never null
   */
  @Override
  public Logger getLogger(String name) {
    Objects.requireNonNull(name, "Logger [name] must not be null");
    Logger logger = loggers.get(name);
    if (logger != null) {
      return logger;
    }
    Logger created = new JsonLogger(name, sink);
    Logger raced = loggers.putIfAbsent(name, created);
    return raced != null ? raced : created;
  }
}
