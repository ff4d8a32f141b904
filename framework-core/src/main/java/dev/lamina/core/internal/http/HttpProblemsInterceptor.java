package dev.lamina.core.internal.http;

import dev.lamina.core.Interceptor;
import dev.lamina.core.http.Problem;
import dev.lamina.core.http.ProblemMapper;
import dev.lamina.core.http.ProblemSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a failure of the rest of the chain as an HTTP problem in the handler's response type:
 * the mapper's problem if it maps the exception, else the exception's own if it is a {@link
 * ProblemSource}; any other exception is rethrown unchanged. An answered failure is logged as one
 * line here (the log context outside sees a response): {@code WARN} without a stack for a 4xx,
 * {@code ERROR} with it for a 5xx.
 */
public final class HttpProblemsInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger("dev.lamina.core.Invocation");

  private final HttpFamily family;
  private final ProblemMapper mapper;

  /**
   * @param family the handler's event pair
   * @param mapper the user's mapper, consulted first
   */
  public HttpProblemsInterceptor(HttpFamily family, ProblemMapper mapper) {
    this.family = family;
    this.mapper = mapper;
  }

  @Override
  public Object intercept(Chain chain) throws Exception {
    try {
      return chain.proceed();
    } catch (Exception e) {
      Problem problem = problemFor(e, chain);
      if (problem == null) {
        throw e;
      }
      logAnswer(e, problem);
      return HttpResponses.of(family, problem, family == HttpFamily.ALB ? requestOf(chain) : null);
    }
  }

  /**
   * The problem for the exception, or {@code null} to rethrow it. If the mapper or the exception
   * fails to give one, that failure fails the invocation, with the original as suppressed.
   */
  private Problem problemFor(Exception e, Chain chain) {
    try {
      Optional<Problem> mapped = mapper.problemFor(e);
      if (mapped != null && mapped.isPresent()) {
        return mapped.get();
      }
      if (e instanceof ProblemSource source) {
        return source.problem(chain.invocation().clock().instant());
      }
      return null;
    } catch (RuntimeException failed) {
      failed.addSuppressed(e);
      throw failed;
    }
  }

  /** The request, if it can be read (decoded once, unless decoding failed): ALB's answer follows its header style. */
  private static Object requestOf(Chain chain) {
    try {
      return chain.input();
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private static void logAnswer(Exception e, Problem problem) {
    if (problem.status() >= 500) {
      log.atError()
          .addKeyValue("http_status", problem.status())
          .setCause(e)
          .log("Invocation answered HTTP {} for {}", problem.status(), e.getClass().getName());
    } else {
      log.atWarn()
          .addKeyValue("outcome", e.getClass().getName())
          .addKeyValue("http_status", problem.status())
          .log(
              "Invocation answered HTTP {} for {}: {}",
              problem.status(),
              e.getClass().getName(),
              e.getMessage());
    }
  }

  @Override
  public String name() {
    return "HttpProblems";
  }
}
