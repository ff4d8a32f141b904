package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the streaming event readers ({@link SqsEventReader}, {@link KinesisEventReader}),
 * each read only in the plain shape Lambda sends: anything else throws {@link #DECLINED}, and the
 * reader hands the document to databind, which applies the runtime's leniencies. Stateless.
 */
final class EventTokens {
  /** The signal to hand the document to databind. */
  static final IOException DECLINED =
      new IOException("not the plain shape", null) {
        private static final long serialVersionUID = 1L;

        @Override
        public synchronized Throwable fillInStackTrace() {
          return this;
        }
      };

  private EventTokens() {}

  static Map<String, String> textMap(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_OBJECT);
    Map<String, String> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      out.put(name, text(p));
    }
    return out;
  }

  static String text(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.VALUE_STRING);
    return p.getText();
  }

  static ByteBuffer binary(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.VALUE_STRING);
    return ByteBuffer.wrap(p.getBinaryValue());
  }

  /** A list of texts, or {@code null}. */
  static List<String> texts(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_ARRAY);
    List<String> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(text(p));
    }
    return out;
  }

  /** A list of base64 values, or {@code null}. */
  static List<ByteBuffer> binaries(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_ARRAY);
    List<ByteBuffer> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(binary(p));
    }
    return out;
  }

  /**
   * A whole number from {@code min} to {@code max}; anything else (null, text, a decimal, out of
   * range) is the runtime's business, so the reader declines.
   */
  static long whole(JsonParser p, long min, long max) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
        || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw DECLINED;
    }
    long v = p.getLongValue();
    if (v < min || v > max) {
      throw DECLINED;
    }
    return v;
  }

  static void expect(JsonParser p, JsonToken token) throws IOException {
    if (p.currentToken() != token) {
      throw DECLINED;
    }
  }

  /**
   * A date as the runtime reads one ({@code EventDates}): epoch seconds, decimals allowed, zero
   * for none; a number only.
   */
  static Date date(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw DECLINED;
    }
    double seconds = p.getDoubleValue();
    return seconds == 0 ? null : new Date((long) (seconds * 1000.0));
  }
}
