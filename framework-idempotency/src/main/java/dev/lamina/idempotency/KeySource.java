package dev.lamina.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.core.Invocation;

/**
 * What a {@link KeyExtractor} can take a key from: the decoded input, the same input as a JSON
 * tree, and the invocation. Valid during one call of {@link KeyExtractor#keyOf(KeySource)}; not
 * thread-safe.
 */
public interface KeySource {

  /** The decoded input, as the handler receives it; may be {@code null}. */
  Object input();

  /**
   * The input as a JSON tree, written by the handler's codec on first use (so extractors that do
   * not need it cost nothing).
   *
   * @return the tree; a {@code NullNode} for a {@code null} input, never {@code null}
   */
  JsonNode json();

  /** The invocation; never {@code null}. */
  Invocation invocation();
}
