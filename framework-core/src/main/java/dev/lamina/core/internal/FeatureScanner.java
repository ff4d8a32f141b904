package dev.lamina.core.internal;

import dev.lamina.core.Feature;
import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.InterceptorFactory;
import dev.lamina.core.PipelineException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the {@link Feature} annotations on a handler class and its superclasses (up to, not
 * including, {@code stopAt}) and creates their interceptors, ordered by {@link Feature#order()}
 * then annotation name. An annotation on a subclass replaces the same annotation on a superclass.
 */
public final class FeatureScanner {
  private FeatureScanner() {}

  /** The feature annotations found, in chain order. */
  public static List<Annotation> features(Class<?> handlerClass, Class<?> stopAt) {
    Map<Class<? extends Annotation>, Annotation> found = new LinkedHashMap<>();
    for (Class<?> c = handlerClass; c != null && c != stopAt && c != Object.class;
        c = c.getSuperclass()) {
      for (Annotation a : c.getDeclaredAnnotations()) {
        if (a.annotationType().isAnnotationPresent(Feature.class)) {
          found.putIfAbsent(a.annotationType(), a);
        }
      }
    }
    return inChainOrder(found.values());
  }

  /**
   * The given feature annotations sorted by {@link Feature#order()}, then annotation name. An
   * insertion sort with a plain comparison: handlers carry a handful of features, and on the init
   * path a {@code Comparator} chain would cost more (its lambdas) than the sort itself.
   */
  public static List<Annotation> inChainOrder(java.util.Collection<Annotation> features) {
    List<Annotation> ordered = new ArrayList<>(features.size());
    for (Annotation a : features) {
      int i = ordered.size();
      while (i > 0 && comesBefore(a, ordered.get(i - 1))) {
        i--;
      }
      ordered.add(i, a);
    }
    return ordered;
  }

  private static boolean comesBefore(Annotation a, Annotation b) {
    int byOrder = Integer.compare(orderOf(a), orderOf(b));
    return byOrder != 0
        ? byOrder < 0
        : a.annotationType().getName().compareTo(b.annotationType().getName()) < 0;
  }

  private static int orderOf(Annotation a) {
    return a.annotationType().getAnnotation(Feature.class).order();
  }

  /** Creates the interceptor of each feature annotation, in chain order. */
  public static List<Interceptor> interceptors(List<Annotation> features, InitContext context) {
    List<Interceptor> result = new ArrayList<>(features.size());
    for (Annotation a : features) {
      result.add(create(a, context));
    }
    return result;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Interceptor create(Annotation annotation, InitContext context) {
    Class<? extends InterceptorFactory> type =
        annotation.annotationType().getAnnotation(Feature.class).value();
    String feature = "@" + annotation.annotationType().getSimpleName();
    InterceptorFactory factory;
    try {
      factory = type.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new PipelineException("Interceptor factory [" + type.getName() + "] of " + feature
          + " on [" + context.handlerClass().getName()
          + "] cannot be created: it needs a public no-arg constructor", e);
    } catch (InvocationTargetException e) {
      throw new PipelineException("Interceptor factory [" + type.getName() + "] of " + feature
          + " threw in its constructor", e.getCause());
    }
    Interceptor interceptor = factory.create(annotation, context);
    if (interceptor == null) {
      throw new PipelineException("Interceptor factory [" + type.getName() + "] of " + feature
          + " returned null; it must return an interceptor");
    }
    return interceptor;
  }
}
