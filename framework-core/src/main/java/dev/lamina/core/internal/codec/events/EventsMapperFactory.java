package dev.lamina.core.internal.codec.events;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.Date;
import org.joda.time.DateTime;

/**
 * Builds the mapper for the event classes the runtime reads with its event codec: a copy of the
 * base mapper plus Lamina's event mix-ins, epoch-seconds dates, joda date-times and the S3 reader.
 * One mapper serves every such class; the runtime builds one per class, but the mix-ins of one
 * event family never touch another family's classes, so the result is the same.
 */
public final class EventsMapperFactory {
  private EventsMapperFactory() {}

  /**
   * @param base the configured base mapper; copied, not changed
   * @return a new mapper for event classes; never {@code null}
   */
  public static ObjectMapper create(ObjectMapper base) {
    SimpleModule module = new SimpleModule("lamina-lambda-events");
    module.addDeserializer(Date.class, new EpochSecondsDateDeserializer());
    module.addSerializer(Date.class, new EpochSecondsDateSerializer());
    module.addDeserializer(DateTime.class, new JodaDateTimeDeserializer());
    module.addSerializer(DateTime.class, new JodaDateTimeSerializer());
    module.addDeserializer(S3Event.class, S3EventDeserializer.forS3Event());
    module.addDeserializer(S3EventNotification.class, S3EventDeserializer.forNotification());
    ObjectMapper mapper = base.copy();
    mapper.registerModule(module);
    EventMixins.addTo(mapper);
    return mapper;
  }
}
