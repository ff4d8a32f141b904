package dev.lamina.core.internal.http;

import dev.lamina.core.InitContext;
import dev.lamina.core.Interceptor;
import dev.lamina.core.InterceptorFactory;
import dev.lamina.core.LaminaException;
import dev.lamina.core.http.HttpProblems;
import dev.lamina.core.http.HttpProblemsConfig;
import dev.lamina.core.http.ProblemMapper;
import java.lang.reflect.InvocationTargetException;

/** Turns {@link HttpProblems} into its interceptor: a thin adapter onto {@link HttpProblemsConfig}. */
public final class HttpProblemsFactory implements InterceptorFactory<HttpProblems> {
  @Override
  public Interceptor create(HttpProblems annotation, InitContext context) {
    HttpProblemsConfig.Builder config = HttpProblemsConfig.custom().enabled(annotation.enabled());
    if (annotation.mapper() != ProblemMapper.class) {
      config.mapper(instantiate(annotation.mapper()));
    }
    return config.build().createInterceptor(context);
  }

  private static ProblemMapper instantiate(Class<? extends ProblemMapper> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new LaminaException(
          "Problem mapper ["
              + type.getName()
              + "] of @HttpProblems cannot be created: it needs a public no-arg constructor",
          e);
    } catch (InvocationTargetException e) {
      throw new LaminaException(
          "Problem mapper [" + type.getName() + "] of @HttpProblems threw in its constructor",
          e.getCause());
    }
  }
}
