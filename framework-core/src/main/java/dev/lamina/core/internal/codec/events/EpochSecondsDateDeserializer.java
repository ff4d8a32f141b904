package dev.lamina.core.internal.codec.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.Date;

/**
 * Event timestamps are epoch <em>seconds</em>, decimals allowed ({@code 1428537600.123}). As in the
 * runtime, a value read as zero (including text that is not a number) becomes {@code null}, and
 * the fraction beyond milliseconds is cut off.
 */
final class EpochSecondsDateDeserializer extends StdScalarDeserializer<Date> {
  private static final long serialVersionUID = 1L;

  EpochSecondsDateDeserializer() {
    super(Date.class);
  }

  @Override
  public Date deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    double seconds = p.getValueAsDouble();
    if (p.currentToken().isStructStart()) {
      p.skipChildren();
    }
    return seconds == 0 ? null : new Date((long) (seconds * 1000.0));
  }
}
