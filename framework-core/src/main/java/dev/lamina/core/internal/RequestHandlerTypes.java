package dev.lamina.core.internal;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the {@code I} and {@code O} a class declares for {@link RequestHandler
 * RequestHandler&lt;I, O&gt;}: on the class, a superclass or an interface they extend, with type
 * variables bound along the way ({@code class Orders extends Base<SQSEvent>} where {@code Base<E>
 * implements RequestHandler<E, Void>}). The proxies need it to read an existing handler's input
 * as the runtime does.
 */
public final class RequestHandlerTypes {
  private RequestHandlerTypes() {}

  /**
   * The declared input and output types.
   *
   * @param type a class implementing {@code RequestHandler}
   * @return {@code {I, O}}, each a {@code Class} or {@code ParameterizedType} if declared, a type
   *     variable or wildcard if left generic, {@code Object} if raw; {@code null} if the class does
   *     not implement {@code RequestHandler}
   */
  public static Type[] of(Class<?> type) {
    return find(type, Map.of());
  }

  private static Type[] find(Type type, Map<TypeVariable<?>, Type> outer) {
    Class<?> raw;
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    if (type instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) type;
      raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      TypeVariable<?>[] vars = raw.getTypeParameters();
      for (int i = 0; i < vars.length; i++) {
        bindings.put(vars[i], bind(args[i], outer));
      }
    } else if (type instanceof Class) {
      raw = (Class<?>) type;
    } else {
      return null;
    }
    if (raw == RequestHandler.class) {
      TypeVariable<?>[] io = RequestHandler.class.getTypeParameters();
      return new Type[] {
        bindings.getOrDefault(io[0], Object.class), bindings.getOrDefault(io[1], Object.class)
      };
    }
    for (Type i : raw.getGenericInterfaces()) {
      Type[] found = find(i, bindings);
      if (found != null) {
        return found;
      }
    }
    Type superclass = raw.getGenericSuperclass();
    return superclass == null ? null : find(superclass, bindings);
  }

  private static Type bind(Type t, Map<TypeVariable<?>, Type> bindings) {
    return t instanceof TypeVariable && bindings.containsKey(t) ? bindings.get(t) : t;
  }
}
