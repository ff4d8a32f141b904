package dev.lamina.core.internal.codec.events;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Builds the mapper for one event class on the runtime's event-codec list, as the runtime's
 * {@code LambdaEventSerializers.serializerFor} builds its own: a copy of the base mapper with that
 * class's mix-ins ({@link EventMixins}), epoch-seconds dates, joda date-times, and for SNS a
 * PascalCase naming strategy. S3 events are read and written by Lamina's port of the runtime's
 * org.json serializer instead.
 */
public final class EventsMapperFactory {
  private EventsMapperFactory() {}

  /**
   * @param base the configured base mapper; copied, not changed
   * @param eventClass a class on the runtime's event-codec list
   * @return a new mapper for that class; never {@code null}
   */
  public static ObjectMapper create(ObjectMapper base, Class<?> eventClass) {
    SimpleModule module = new SimpleModule("lamina-lambda-events");
    EventDates.addTo(module);
    S3EventCodec.addTo(module);
    ObjectMapper mapper = base.copy();
    mapper.registerModule(module);
    EventMixins.of(eventClass).forEach(mapper::addMixIn);
    if (eventClass == SNSEvent.class) {
      mapper.setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE);
    }
    return mapper;
  }
}
