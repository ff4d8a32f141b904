package dev.lamina.core.internal;

import dev.lamina.core.PipelineException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/** Resolves the actual type arguments a subclass gives a generic base class. */
public final class TypeArguments {
  private TypeArguments() {}

  /**
   * @param subclass a concrete subclass of {@code base}
   * @param base a generic superclass
   * @return the type arguments of {@code base} as {@code subclass} binds them
   * @throws PipelineException if any is left as a type variable
   */
  public static Type[] of(Class<?> subclass, Class<?> base) {
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    Class<?> c = subclass;
    while (c != null && c != base) {
      Type sup = c.getGenericSuperclass();
      Class<?> raw =
          sup instanceof ParameterizedType
              ? (Class<?>) ((ParameterizedType) sup).getRawType()
              : (Class<?>) sup;
      if (sup instanceof ParameterizedType) {
        Type[] args = ((ParameterizedType) sup).getActualTypeArguments();
        TypeVariable<?>[] vars = raw.getTypeParameters();
        for (int i = 0; i < vars.length; i++) {
          bindings.put(vars[i], resolve(args[i], bindings));
        }
      }
      c = raw;
    }
    if (c == null) {
      throw new IllegalArgumentException(subclass.getName() + " does not extend " + base.getName());
    }
    TypeVariable<?>[] vars = base.getTypeParameters();
    Type[] result = new Type[vars.length];
    for (int i = 0; i < vars.length; i++) {
      Type t = bindings.get(vars[i]);
      if (t == null || t instanceof TypeVariable) {
        throw new PipelineException(
            "["
                + subclass.getName()
                + "] must declare the type"
                + " arguments of "
                + base.getSimpleName()
                + ", e.g. `class "
                + subclass.getSimpleName()
                + " extends "
                + base.getSimpleName()
                + "<Order, Receipt>`; type argument ["
                + vars[i].getName()
                + "] is unresolved");
      }
      result[i] = t;
    }
    return result;
  }

  private static Type resolve(Type t, Map<TypeVariable<?>, Type> bindings) {
    return t instanceof TypeVariable && bindings.containsKey(t) ? bindings.get(t) : t;
  }
}
