package dev.lamina.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** The real event fixtures in {@code src/test/resources/events}, and retries derived from them. */
public final class Events {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  /** A fixture as a mutable tree. */
  public static ObjectNode tree(String file) {
    try (InputStream in = Events.class.getResourceAsStream("/events/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture [" + file + "]");
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture changed by {@code change}, as JSON text. */
  public static String json(String file, Consumer<ObjectNode> change) {
    ObjectNode tree = tree(file);
    change.accept(tree);
    return tree.toString();
  }

  /** A fixture as JSON text. */
  public static String json(String file) {
    return tree(file).toString();
  }

  /** JSON text as a tree. */
  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The object at a JSON pointer, for changing it in place. */
  public static ObjectNode at(JsonNode tree, String pointer) {
    return (ObjectNode) tree.at(pointer);
  }
}
