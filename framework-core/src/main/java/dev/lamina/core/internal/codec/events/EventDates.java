package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.util.Date;
import org.joda.time.DateTime;
import org.joda.time.format.ISODateTimeFormat;

/**
 * The runtime's date rules for event classes. A {@code Date} is epoch <em>seconds</em>, decimals
 * allowed ({@code 1428537600.123}); a value read as zero, including text that is not a number,
 * is {@code null}, and digits beyond milliseconds are cut. A joda {@code DateTime} is ISO-8601
 * text, read keeping its offset and written with milliseconds and offset.
 */
final class EventDates {
  private EventDates() {}

  static void addTo(SimpleModule module) {
    module.addDeserializer(
        Date.class,
        new StdScalarDeserializer<>(Date.class) {
          private static final long serialVersionUID = 1L;

          @Override
          public Date deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            double seconds = p.getValueAsDouble();
            if (p.currentToken().isStructStart()) {
              p.skipChildren();
            }
            return seconds == 0 ? null : new Date((long) (seconds * 1000.0));
          }
        });
    module.addSerializer(
        Date.class,
        new StdScalarSerializer<>(Date.class) {
          private static final long serialVersionUID = 1L;

          @Override
          public void serialize(Date value, JsonGenerator g, SerializerProvider provider)
              throws IOException {
            g.writeNumber(value.getTime() / 1000.0);
          }
        });
    module.addDeserializer(
        DateTime.class,
        new StdScalarDeserializer<>(DateTime.class) {
          private static final long serialVersionUID = 1L;

          @Override
          public DateTime deserialize(JsonParser p, DeserializationContext ctxt)
              throws IOException {
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
        });
    module.addSerializer(
        DateTime.class,
        new StdScalarSerializer<>(DateTime.class) {
          private static final long serialVersionUID = 1L;

          @Override
          public void serialize(DateTime value, JsonGenerator g, SerializerProvider provider)
              throws IOException {
            g.writeString(ISODateTimeFormat.dateTime().print(value));
          }
        });
  }
}
