package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import org.joda.time.DateTime;
import org.joda.time.format.ISODateTimeFormat;

/** Writes a joda {@link DateTime} as ISO-8601 text with milliseconds and offset. */
final class JodaDateTimeSerializer extends StdScalarSerializer<DateTime> {
  private static final long serialVersionUID = 1L;

  JodaDateTimeSerializer() {
    super(DateTime.class);
  }

  @Override
  public void serialize(DateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
    gen.writeString(ISODateTimeFormat.dateTime().print(value));
  }
}
