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

  /**
   * The key at the path. An input that arrived as bytes or was decoded into the handler's own
   * type is read with the streaming parser first ({@link StreamedPath}), which leaves the tree
   * unbuilt, so the payload hash streams too; the tree decides what the streaming read cannot.
   */
  @Override
  public String keyOf(KeySource source) {
    if (source instanceof Payload payload && payload.isStreamable()) {
      String text = StreamedPath.textAt(path, payload.bytes());
      if (text != StreamedPath.UNDECIDED) {
        return text;
      }
    }
    return path.textAt(source.json());
  }

  @Override
  public String toString() {
    return "path(" + path + ")";
  }
}
