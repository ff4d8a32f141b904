package dev.lamina.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.idempotency.internal.CanonicalHash;
import dev.lamina.idempotency.internal.Hashes;
import java.util.Objects;

/**
 * Payload hashes as the idempotency protocol compares them: the SHA-256 of a canonical form of the
 * JSON value (object members sorted at every level, one spelling per number, decimals exact), so
 * a retry that only reorders properties or re-spells numbers hashes alike. For callers of {@link
 * IdempotencyEngine} that hash their own payloads, such as batch processing per record. Stateless.
 *
 * <pre>{@code
 * String hash = PayloadHash.ofJson(message.getBody().getBytes(StandardCharsets.UTF_8));
 * }</pre>
 */
public final class PayloadHash {
  private PayloadHash() {}

  /**
   * The hash of a payload given as bytes: canonical if they are one JSON value, else of the exact
   * bytes.
   *
   * @param payload the bytes; not {@code null}
   * @return 64 hex characters
   */
  public static String ofJson(byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    String hash = CanonicalHash.ofJson(payload);
    return hash != null ? hash : Hashes.sha256(payload);
  }

  /**
   * The hash of a JSON tree; a missing node hashes apart from every JSON value, {@code null}
   * included.
   *
   * @param tree the tree; {@code null} counts as missing
   * @return 64 hex characters
   */
  public static String of(JsonNode tree) {
    return CanonicalHash.of(tree);
  }
}
