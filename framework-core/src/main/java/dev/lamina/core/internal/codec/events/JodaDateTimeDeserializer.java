package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import org.joda.time.DateTime;

/**
 * Reads ISO-8601 text ({@code 2015-04-09T00:00:00Z}) into a joda {@link DateTime} keeping the
 * parsed offset, as {@code DateTime.parse} does in the runtime.
 */
final class JodaDateTimeDeserializer extends StdScalarDeserializer<DateTime> {
  private static final long serialVersionUID = 1L;

  JodaDateTimeDeserializer() {
    super(DateTime.class);
  }

  @Override
  public DateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String text = p.getValueAsString();
    if (text == null) {
      return (DateTime) ctxt.handleUnexpectedToken(DateTime.class, p);
    }
    try {
      return DateTime.parse(text);
    } catch (IllegalArgumentException e) {
      throw ctxt.weirdStringException(text, DateTime.class, "not an ISO-8601 date-time");
    }
  }
}
