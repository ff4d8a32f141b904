package dev.lamina.core.internal.codec;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;

/**
 * Reads and writes as the Lambda Java runtime (runtime interface client 2.9.0) does: its
 * {@code EventHandlerLoader.getSerializer} sends a class on the serialization library's supported
 * list to {@code LambdaEventSerializers.serializerFor(Class, ClassLoader)} and every other type to
 * the shared {@code JacksonFactory.getInstance().getSerializer(Type)}.
 *
 * <p>Quirk, reproduced on purpose: {@code serializerFor} registers its date modules on the shared
 * mapper itself when a class has no mix-ins (API Gateway REST, for one), so the "plain" mapper's date
 * handling depends on what was loaded before. None of the plain-path classes tested here has a
 * {@code Date} or joda field, so the order does not change their results.
 */
final class RuntimeOracle {
  private RuntimeOracle() {}

  static Object read(byte[] json, Class<?> type) {
    return serializer(type).fromJson(new ByteArrayInputStream(json));
  }

  static byte[] write(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializer(value.getClass()).toJson(value, out);
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Class<?> type) {
    if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, RuntimeOracle.class.getClassLoader());
    }
    return JacksonFactory.getInstance().getSerializer((Type) type);
  }
}
