package dev.lamina.idempotency;

import dev.lamina.core.codec.PayloadCodec;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How {@link IdempotencyEngine} stores a result with a completed record and reads it back for a
 * duplicate. Implementations are immutable and thread-safe.
 *
 * <pre>{@code
 * ResultFormat<Receipt> receipts = ResultFormat.json(Codecs.standard(), Receipt.class);
 * ResultFormat<Void> none = ResultFormat.none();   // work whose result is not replayed
 * }</pre>
 *
 * @param <T> the result type
 */
public interface ResultFormat<T> {

  /**
   * The stored form of a result.
   *
   * @param result the work's result; may be {@code null}
   * @return text to store; not {@code null}
   * @throws RuntimeException if the result cannot be written (the record is then completed
   *     without it, and duplicates get {@link IdempotencyResultUnavailableException})
   */
  String write(T result);

  /**
   * A stored result, read back.
   *
   * @param stored what {@link #write} returned for the first call
   * @return the result a duplicate gets
   */
  T read(String stored);

  /** Stores nothing worth reading: duplicates get {@code null}. For work run for its effects. */
  static <T> ResultFormat<T> none() {
    return new ResultFormat<>() {
      @Override
      public String write(T result) {
        return "null";
      }

      @Override
      public T read(String stored) {
        return null;
      }

      @Override
      public String toString() {
        return "ResultFormat.none()";
      }
    };
  }

  /**
   * Results as JSON text written and read by a codec as {@code type}. {@code Void.class} stores
   * the JSON literal {@code null}; {@code byte[].class} stores the bytes exactly (as a base64 JSON
   * string), so a raw output is replayed byte for byte.
   *
   * @param codec the codec; not {@code null}
   * @param type the result type; not {@code null}
   * @param <T> the result type
   * @return the format
   */
  static <T> ResultFormat<T> json(PayloadCodec codec, Type type) {
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(type, "type");
    if (type == Void.class) {
      return none();
    }
    return new ResultFormat<>() {
      @Override
      public String write(T result) {
        return new String(codec.writeBytes(result), StandardCharsets.UTF_8);
      }

      @Override
      public T read(String stored) {
        return codec.read(stored.getBytes(StandardCharsets.UTF_8), type);
      }

      @Override
      public String toString() {
        return "ResultFormat.json(" + type.getTypeName() + ")";
      }
    };
  }
}
