package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.util.Date;

/** Writes event timestamps as the runtime does: epoch seconds as a decimal number. */
final class EpochSecondsDateSerializer extends StdScalarSerializer<Date> {
  private static final long serialVersionUID = 1L;

  EpochSecondsDateSerializer() {
    super(Date.class);
  }

  @Override
  public void serialize(Date value, JsonGenerator gen, SerializerProvider provider) throws IOException {
    gen.writeNumber(value.getTime() / 1000.0);
  }
}
