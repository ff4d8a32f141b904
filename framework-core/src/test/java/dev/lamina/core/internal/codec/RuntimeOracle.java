package dev.lamina.core.internal.codec;

import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.ObjectMapper;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.List;

/**
 * Reads and writes as the Lambda Java runtime (runtime interface client 2.9.0) does: its
 * {@code EventHandlerLoader.getSerializer} sends a class on the serialization library's supported
 * list to {@code LambdaEventSerializers.serializerFor(Class, ClassLoader)} and every other type to
 * the shared {@code JacksonFactory.getInstance().getSerializer(Type)}.
 *
 * <p>The plain mapper is a copy of that shared mapper taken before this class asks for any event
 * serializer. The copy matters: {@code serializerFor} registers its date modules on the shared
 * mapper itself when an event class has no mix-ins (API Gateway REST, for one), so in one JVM the
 * plain mapper's handling of joda types would depend on which tests ran first. A function asks
 * the runtime only for its own handler's types, so the untouched mapper is the one it meets.
 */
final class RuntimeOracle {
  private static final ObjectMapper PLAIN = JacksonFactory.getInstance().getMapper().copy();

  private RuntimeOracle() {}

  /**
   * The runtime's own list of classes it reads with its event codec, read from the private
   * {@code SUPPORTED_EVENTS} field of {@code LambdaEventSerializers} (there is no accessor), so a
   * new version of the library brings its new classes into the tests without an edit here.
   */
  @SuppressWarnings("unchecked")
  static List<String> supportedEvents() {
    try {
      Field field = LambdaEventSerializers.class.getDeclaredField("SUPPORTED_EVENTS");
      field.setAccessible(true);
      return List.copyOf((List<String>) field.get(null));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("aws-lambda-java-serialization changed its event list", e);
    }
  }

  static Object read(byte[] json, Class<?> type) {
    if (usesEventCodec(type)) {
      return eventSerializer(type).fromJson(new ByteArrayInputStream(json));
    }
    try {
      return PLAIN.readerFor(type).readValue(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] write(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (usesEventCodec(value.getClass())) {
      eventSerializer(value.getClass()).toJson(value, out);
      return out.toByteArray();
    }
    try {
      PLAIN.writerFor(value.getClass()).writeValue(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static boolean usesEventCodec(Class<?> type) {
    return LambdaEventSerializers.isLambdaSupportedEvent(type.getName());
  }

  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> eventSerializer(Class<?> type) {
    return (PojoSerializer<Object>)
        LambdaEventSerializers.serializerFor(type, RuntimeOracle.class.getClassLoader());
  }
}
