package dev.lamina.idempotency.internal;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Finds the {@code I} and {@code O} a class declares for {@link RequestHandler}. */
public final class HandlerTypes {
  private HandlerTypes() {}

  /**
   * The input and output types, or {@code Object} for each that is not a concrete type (then the
   * input is read as a {@code Map}, a {@code List} or a scalar, as JSON dictates).
   */
  public static Type[] requestHandlerTypes(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Type t : c.getGenericInterfaces()) {
        if (t instanceof ParameterizedType
            && ((ParameterizedType) t).getRawType() == RequestHandler.class) {
          Type[] args = ((ParameterizedType) t).getActualTypeArguments();
          return new Type[] {concrete(args[0]), concrete(args[1])};
        }
      }
    }
    return new Type[] {Object.class, Object.class};
  }

  private static Type concrete(Type t) {
    return t instanceof Class || t instanceof ParameterizedType ? t : Object.class;
  }
}
