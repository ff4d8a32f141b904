package dev.lamina.config;

import java.util.List;
import java.util.Set;

/**
 * Where SSM-style parameters come from: the plug-in point behind {@link Parameter} and
 * {@link PathParameter}. Lamina's own is SSM Parameter Store ({@link SsmParameters}); tests and
 * other stores plug in here.
 *
 * <p>Called once per load or refresh, with everything the configuration type needs, so an
 * implementation can use the fewest calls. Implementations must be thread-safe.
 *
 * <pre>{@code
 * ParameterSource inMemory = (names, paths) -> List.of(new ParameterValue("/orders/pool-size", "8", false));
 * }</pre>
 */
@FunctionalInterface
public interface ParameterSource {

  /**
   * Fetches parameters.
   *
   * @param names full names of parameters to fetch one by one; not {@code null}, may be empty
   * @param paths path prefixes ({@code /orders/prod}) whose parameters, recursively, to fetch;
   *     not {@code null}, may be empty
   * @return every parameter found, in clear; a name or path with nothing found is simply absent.
   *     Never {@code null}
   * @throws RuntimeException if the store cannot be read at all; the message must not hold values
   */
  List<ParameterValue> fetch(Set<String> names, Set<String> paths);

  /**
   * Whether {@link #fetch} can read whole paths. A source that reads one name at a time (the
   * Parameters and Secrets Lambda extension) returns {@code false}: it is then given the full
   * name of every {@link PathParameter} field in {@code names}, and no paths.
   *
   * @return {@code true} by default
   */
  default boolean readsPaths() {
    return true;
  }
}
