package dev.lamina.core.http;

import java.util.Optional;

/**
 * Maps a handler's own exceptions to HTTP problems, for exceptions that do not implement {@link
 * ProblemSource} (a library's, or ones that should not know about HTTP). Consulted first, before
 * {@link ProblemSource}, so it may also replace Lamina's own answers. An exception it leaves
 * unmapped, and that is no {@code ProblemSource}, is rethrown unchanged: the invocation fails and
 * the caller gets a 5xx from API Gateway or the load balancer.
 *
 * <p>Register it with {@link HttpProblems#mapper() @HttpProblems(mapper = ..)} (a class with a
 * public no-arg constructor) or {@link HttpProblemsConfig.Builder#mapper(ProblemMapper)}. It is
 * shared by concurrent invocations: keep it stateless.
 *
 * <pre>{@code
 * public class PaymentProblems implements ProblemMapper {
 *   public Optional<Problem> problemFor(Exception e) {
 *     if (e instanceof CardDeclinedException) {
 *       return Optional.of(Problem.of(402, "The card was declined"));
 *     }
 *     return Optional.empty();
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ProblemMapper {

  /**
   * The problem for an exception, if this mapper knows it.
   *
   * @param exception what the handler (or an inner feature) threw; not {@code null}
   * @return the problem to answer with, or empty (or {@code null}) to leave the exception as it is
   */
  Optional<Problem> problemFor(Exception exception);

  /** The mapper that maps nothing, the default. */
  ProblemMapper NONE = exception -> Optional.empty();
}
