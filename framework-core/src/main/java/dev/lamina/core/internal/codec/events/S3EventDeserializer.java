package dev.lamina.core.internal.codec.events;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads {@link S3Event} (and its base {@link S3EventNotification}) as the runtime does. The runtime
 * does not use Jackson for S3: its own reader takes {@code Records} and, per record, a fixed set of
 * fields into the model's constructors, with org.json's forgiving defaults — a missing text field
 * is {@code ""}, a missing object is an entity of empty fields, a missing {@code size} is 0, a
 * missing {@code Records} is an empty list — and fails when {@code eventTime} is missing or not a
 * date-time. Fields it does not read (such as {@code glacierEventData}) stay {@code null}.
 */
final class S3EventDeserializer<T extends S3EventNotification> extends StdDeserializer<T> {
  private static final long serialVersionUID = 1L;

  private final transient Function<List<S3EventNotificationRecord>, T> constructor;

  private S3EventDeserializer(Class<T> type, Function<List<S3EventNotificationRecord>, T> constructor) {
    super(type);
    this.constructor = constructor;
  }

  static S3EventDeserializer<S3Event> forS3Event() {
    return new S3EventDeserializer<>(S3Event.class, S3Event::new);
  }

  static S3EventDeserializer<S3EventNotification> forNotification() {
    return new S3EventDeserializer<>(S3EventNotification.class, S3EventNotification::new);
  }

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode root = ctxt.readTree(p);
    if (!root.isObject()) {
      throw MismatchedInputException.from(p, handledType(), "an S3 event must be a JSON object");
    }
    JsonNode records = root.path("Records");
    List<S3EventNotificationRecord> result = new ArrayList<>();
    if (records.isArray()) {
      for (int i = 0; i < records.size(); i++) {
        try {
          result.add(S3RecordReader.read(p, records.get(i)));
        } catch (JsonMappingException e) {
          e.prependPath(new JsonMappingException.Reference(null, i));
          e.prependPath(new JsonMappingException.Reference(null, "Records"));
          throw e;
        }
      }
    }
    return constructor.apply(result);
  }
}
