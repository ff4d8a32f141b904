package dev.lamina.idempotency.internal;

import dev.lamina.idempotency.KeyExtractor;
import dev.lamina.idempotency.KeySource;

/** The key at a path into the input's JSON; see {@code KeyExtractors.path}. Immutable. */
public final class PathKey implements KeyExtractor {
  private final JsonPointerPath path;

  public PathKey(JsonPointerPath path) {
    this.path = path;
  }

  /** The compiled path. */
  public JsonPointerPath path() {
    return path;
  }

  @Override
  public String keyOf(KeySource source) {
    return path.textAt(source.json());
  }

  @Override
  public String toString() {
    return "path(" + path + ")";
  }
}
