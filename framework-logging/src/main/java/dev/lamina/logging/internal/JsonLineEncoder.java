package dev.lamina.logging.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/**
 * Encodes one log event as one JSON object (UTF-8, no trailing newline), fields in this
 * order: {@code timestamp, level, message, logger, service}, the MDC entries, the fluent
 * key-value pairs, then {@code error}.
 *
 * <p>Field rules: an MDC entry or key-value pair named like a fixed field is skipped, so no
 * line has a duplicate key; a key-value pair replaces an MDC entry of the same name; of two
 * key-value pairs with one name the last wins. MDC {@code cold_start} is written as a boolean
 * and {@code function_memory_size} as a number when their text parses as such. A value whose
 * {@code toString()} throws is written as a placeholder naming its class.
 *
 * <p>Thread-safe: holds only the (thread-safe) {@link JsonFactory} and the service name.
 */
final class JsonLineEncoder {

  private final JsonFactory factory;
  private final String service;

  JsonLineEncoder(JsonFactory factory, String service) {
    this.factory = factory;
    this.service = service;
  }

  void encode(
      OutputStream out,
      long epochMillis,
      Level level,
      String logger,
      String message,
      Map<String, String> mdc,
      List<KeyValuePair> keyValues,
      Throwable throwable)
      throws IOException {
    char[] timestamp = new char[IsoTimestamp.LENGTH];
    IsoTimestamp.format(epochMillis, timestamp);
    try (JsonGenerator json = factory.createGenerator(out)) {
      json.writeStartObject();
      json.writeFieldName("timestamp");
      json.writeString(timestamp, 0, IsoTimestamp.LENGTH);
      json.writeStringField("level", level.name());
      json.writeStringField("message", message);
      json.writeStringField("logger", logger);
      json.writeStringField("service", service);
      if (mdc != null) {
        writeMdc(json, mdc, keyValues);
      }
      if (keyValues != null) {
        writeKeyValues(json, keyValues);
      }
      if (throwable != null) {
        writeError(json, throwable);
      }
      json.writeEndObject();
    }
  }

  private static void writeMdc(
      JsonGenerator json, Map<String, String> mdc, List<KeyValuePair> keyValues)
      throws IOException {
    for (Map.Entry<String, String> entry : mdc.entrySet()) {
      String key = entry.getKey();
      if (key == null || isFixedField(key) || indexOfKey(keyValues, key, 0) >= 0) {
        continue;
      }
      json.writeFieldName(key);
      String value = entry.getValue();
      if (value == null) {
        json.writeNull();
      } else if (key.equals("cold_start") && isBoolean(value)) {
        json.writeBoolean(value.equalsIgnoreCase("true"));
      } else if (key.equals("function_memory_size") && isSmallInteger(value)) {
        json.writeNumber(Long.parseLong(value));
      } else {
        json.writeString(value);
      }
    }
  }

  private static void writeKeyValues(JsonGenerator json, List<KeyValuePair> keyValues)
      throws IOException {
    for (int i = 0, n = keyValues.size(); i < n; i++) {
      KeyValuePair pair = keyValues.get(i);
      String key = String.valueOf(pair.key);
      if (isFixedField(key) || indexOfKey(keyValues, key, i + 1) >= 0) {
        continue;
      }
      json.writeFieldName(key);
      writeValue(json, pair.value);
    }
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String) {
      json.writeString((String) value);
    } else if (value instanceof Boolean) {
      json.writeBoolean((Boolean) value);
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double && Double.isFinite((Double) value)) {
      json.writeNumber((Double) value);
    } else if (value instanceof Float && Float.isFinite((Float) value)) {
      json.writeNumber((Float) value);
    } else {
      json.writeString(safeToString(value));
    }
  }

  private static void writeError(JsonGenerator json, Throwable throwable) throws IOException {
    json.writeObjectFieldStart("error");
    json.writeStringField("name", throwable.getClass().getName());
    String message;
    try {
      message = throwable.getMessage();
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      message = "[getMessage() threw " + e.getClass().getName() + "]";
    }
    if (message != null) {
      json.writeStringField("message", message);
    }
    json.writeStringField("stack", stackTrace(throwable));
    json.writeEndObject();
  }

  private static String stackTrace(Throwable throwable) {
    StringWriter text = new StringWriter(1024);
    try (PrintWriter writer = new PrintWriter(text)) {
      throwable.printStackTrace(writer);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      text.write("[printStackTrace() threw " + e.getClass().getName() + "]");
    }
    return text.toString();
  }

  /**
   * {@code String.valueOf(value)}, or a placeholder naming the classes when {@code toString()}
   * throws: a broken argument must not cost the whole line. Errors other than the ones a
   * buggy {@code toString()} typically raises are left to propagate.
   */
  static String safeToString(Object value) {
    try {
      return String.valueOf(value);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return "[toString() of "
          + value.getClass().getName()
          + " threw "
          + e.getClass().getName()
          + "]";
    }
  }

  static boolean isFixedField(String key) {
    switch (key) {
      case "timestamp":
      case "level":
      case "message":
      case "logger":
      case "service":
      case "error":
        return true;
      default:
        return false;
    }
  }

  private static int indexOfKey(List<KeyValuePair> keyValues, String key, int from) {
    if (keyValues != null) {
      for (int i = from, n = keyValues.size(); i < n; i++) {
        if (key.equals(keyValues.get(i).key)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static boolean isBoolean(String value) {
    return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
  }

  /** Up to 18 ASCII digits: always fits a long, so {@code parseLong} cannot throw. */
  private static boolean isSmallInteger(String value) {
    int length = value.length();
    if (length == 0 || length > 18) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
