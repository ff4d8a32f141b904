package dev.lamina.idempotency.internal;

import dev.lamina.core.Lamina;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** The {@code I} and {@code O} a class declares for {@code RequestHandler}, made concrete. */
public final class HandlerTypes {
  private HandlerTypes() {}

  /**
   * The input and output types (see {@link Lamina#requestHandlerTypes(Class)}), or {@code Object}
   * for each that is not a concrete type (then the input is read as a {@code Map}, a {@code List}
   * or a scalar, as JSON dictates).
   */
  public static Type[] requestHandlerTypes(Class<?> type) {
    Type[] declared = Lamina.requestHandlerTypes(type);
    if (declared == null) {
      return new Type[] {Object.class, Object.class};
    }
    return new Type[] {concrete(declared[0]), concrete(declared[1])};
  }

  private static Type concrete(Type t) {
    return t instanceof Class || t instanceof ParameterizedType ? t : Object.class;
  }
}
