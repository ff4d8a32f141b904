package dev.lamina.core.internal;

import dev.lamina.core.Feature;
import dev.lamina.core.FeatureConfig;
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
 * including, {@code stopAt}), and puts them, {@link FeatureConfig feature configs} and
 * interceptors added in code into one chain order: by order, lower first; at equal order,
 * annotations (by annotation name) before configs before interceptors (each in the order added).
 * An annotation on a subclass replaces the same annotation on a superclass.
 */
public final class FeatureScanner {
  private static final int ANNOTATION = 0;
  private static final int CONFIG = 1;
  private static final int INTERCEPTOR = 2;

  private FeatureScanner() {}

  /**
   * One link of the chain before its interceptor exists: a feature annotation, a feature config,
   * or an interceptor added in code, with its place.
   */
  public static final class Link {
    private final int order;
    private final int kind;
    private final Object source;

    private Link(int order, int kind, Object source) {
      this.order = order;
      this.kind = kind;
      this.source = source;
    }

    /** A feature annotation; its order is its {@link Feature#order()}. */
    public static Link of(Annotation feature) {
      return new Link(
          feature.annotationType().getAnnotation(Feature.class).order(), ANNOTATION, feature);
    }

    /** A feature config; its order is its {@link FeatureConfig#order()}. */
    public static Link of(FeatureConfig feature) {
      return new Link(feature.order(), CONFIG, feature);
    }

    /** An interceptor added in code at the given order. */
    public static Link of(Interceptor interceptor, int order) {
      return new Link(order, INTERCEPTOR, interceptor);
    }

    /**
     * Whether this link is the given feature, by its annotation or its config.
     *
     * @param annotationType the feature's annotation type
     * @param configType the feature's config class
     * @return {@code true} if the link is an annotation of {@code annotationType} or a config
     *     of {@code configType}
     */
    public boolean isFeature(
        Class<? extends Annotation> annotationType, Class<? extends FeatureConfig> configType) {
      return kind == ANNOTATION
          ? ((Annotation) source).annotationType() == annotationType
          : kind == CONFIG && configType.isInstance(source);
    }

    boolean comesBefore(Link other) {
      if (order != other.order) {
        return order < other.order;
      }
      if (kind != other.kind) {
        return kind < other.kind;
      }
      return kind == ANNOTATION
          && ((Annotation) source)
                  .annotationType()
                  .getName()
                  .compareTo(((Annotation) other.source).annotationType().getName())
              < 0;
    }
  }

  /** The feature annotations found on the class, as links in chain order. */
  public static List<Link> features(Class<?> handlerClass, Class<?> stopAt) {
    Map<Class<? extends Annotation>, Annotation> found = new LinkedHashMap<>();
    for (Class<?> c = handlerClass;
        c != null && c != stopAt && c != Object.class;
        c = c.getSuperclass()) {
      for (Annotation a : c.getDeclaredAnnotations()) {
        if (a.annotationType().isAnnotationPresent(Feature.class)) {
          found.putIfAbsent(a.annotationType(), a);
        }
      }
    }
    List<Link> links = new ArrayList<>(found.size());
    for (Annotation a : found.values()) {
      links.add(Link.of(a));
    }
    return inChainOrder(links);
  }

  /**
   * The links sorted into chain order. A stable insertion sort with a plain comparison: handlers
   * carry a handful of features, and on the init path a {@code Comparator} chain would cost more
   * (its lambdas) than the sort itself.
   */
  public static List<Link> inChainOrder(List<Link> links) {
    List<Link> ordered = new ArrayList<>(links.size());
    for (Link link : links) {
      int i = ordered.size();
      while (i > 0 && link.comesBefore(ordered.get(i - 1))) {
        i--;
      }
      ordered.add(i, link);
    }
    return ordered;
  }

  /** Creates the interceptor of each link, in the order given. */
  public static List<Interceptor> interceptors(List<Link> links, InitContext context) {
    List<Interceptor> result = new ArrayList<>(links.size());
    for (Link link : links) {
      Interceptor created;
      if (link.kind == ANNOTATION) {
        created = create((Annotation) link.source, context);
      } else if (link.kind == CONFIG) {
        created = create((FeatureConfig) link.source, context);
      } else {
        created = (Interceptor) link.source;
      }
      result.add(created);
    }
    return result;
  }

  private static Interceptor create(FeatureConfig config, InitContext context) {
    Interceptor interceptor = config.createInterceptor(context);
    if (interceptor == null) {
      throw new PipelineException(
          "Feature config ["
              + config.getClass().getName()
              + "] returned no interceptor; createInterceptor must return one");
    }
    return interceptor;
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
      throw new PipelineException(
          "Interceptor factory ["
              + type.getName()
              + "] of "
              + feature
              + " on ["
              + context.handlerClass().getName()
              + "] cannot be created: it needs a public no-arg constructor",
          e);
    } catch (InvocationTargetException e) {
      throw new PipelineException(
          "Interceptor factory ["
              + type.getName()
              + "] of "
              + feature
              + " threw in its constructor",
          e.getCause());
    }
    Interceptor interceptor;
    try {
      interceptor = factory.create(annotation, context);
    } catch (IllegalArgumentException e) {
      // The one place a feature's invalid setting is tied to the annotation and handler: the
      // settings builders (TimeGuardConfig, ConfigFeature, IdempotencyConfig) name the setting.
      throw new PipelineException(
          feature + " on [" + context.handlerClass().getName() + "] is invalid: " + e.getMessage(),
          e);
    }
    if (interceptor == null) {
      throw new PipelineException(
          "Interceptor factory ["
              + type.getName()
              + "] of "
              + feature
              + " returned null; it must return an interceptor");
    }
    return interceptor;
  }
}
