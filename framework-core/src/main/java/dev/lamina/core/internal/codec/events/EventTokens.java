package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.LinkedHashMap;
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
