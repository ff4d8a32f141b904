package dev.lamina.batch.internal;

import dev.lamina.batch.RecordIdempotency;
import dev.lamina.core.Resources;
import dev.lamina.core.internal.EnvironmentReader;
import dev.lamina.idempotency.IdempotencyConfig;
import dev.lamina.idempotency.KeyExtractor;
import dev.lamina.idempotency.KeyExtractors;
import dev.lamina.idempotency.internal.DynamoDbClients;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * The batch proxy's per-record idempotency, from the {@code LAMINA_IDEMPOTENCY_*} variables: the
 * DynamoDB store (its client an init-once resource of the proxy), the expiry and the key. The only
 * class of the proxy that references framework-idempotency, and loaded only when {@code
 * LAMINA_BATCH_IDEMPOTENT} is {@code true}, so a proxy without idempotency runs without it.
 */
public final class ProxyIdempotency {
  static final String EXPIRY = "LAMINA_IDEMPOTENCY_EXPIRY_SECONDS";
  static final String KEY = "LAMINA_IDEMPOTENCY_KEY";
  static final String PREFIX = "LAMINA_IDEMPOTENCY_";

  /** Read here or by the store; any other variable of the prefix would be silently ignored. */
  static final Set<String> READ =
      Set.of("LAMINA_IDEMPOTENCY_TABLE", "LAMINA_IDEMPOTENCY_ENDPOINT", EXPIRY, KEY);

  private static final long MAX_EXPIRY_SECONDS = 366L * 24 * 60 * 60;

  private ProxyIdempotency() {}

  /**
   * Reads the settings and sets up the store, adding every missing or bad variable to the
   * reader's problems.
   *
   * @param resources the proxy's init-once resources
   * @param env the environment, collecting what is wrong
   * @return the per-record idempotency; {@code null} if a problem was added
   */
  public static RecordIdempotency read(Resources resources, EnvironmentReader env) {
    int before = env.problems().size();
    Set<String> ignored = new TreeSet<>();
    for (String name : env.variables().keySet()) {
      if (name.startsWith(PREFIX) && !READ.contains(name)) {
        ignored.add(name);
      }
    }
    for (String name : ignored) {
      env.problem(
          "["
              + name
              + "] is not a setting of the batch proxy's per-record idempotency,"
              + " which reads only "
              + new TreeSet<>(READ)
              + ": remove it");
    }
    IdempotencyConfig.Builder config = IdempotencyConfig.custom();
    Long expiry =
        env.wholeNumber(
            EXPIRY,
            1,
            MAX_EXPIRY_SECONDS,
            "must be a whole number of seconds from 1 to " + MAX_EXPIRY_SECONDS + " (366 days)");
    if (expiry != null) {
      config.expiry(Duration.ofSeconds(expiry));
    }
    String key = env.get(KEY);
    KeyExtractor keyed = null;
    if (key != null) {
      if (!key.startsWith("/")) {
        env.problem(
            "["
                + KEY
                + "] must be a path into each record's payload, such as /orderId,"
                + " or unset to key on the record's source identifier (the SQS messageId, the stream"
                + " sequence), was ["
                + key
                + "]");
      } else {
        try {
          keyed = KeyExtractors.path(key);
        } catch (IllegalArgumentException e) {
          env.problem("[" + KEY + "] " + e.getMessage());
        }
      }
    }
    DynamoDbClients.Settings store = DynamoDbClients.read(env, null);
    if (env.problems().size() > before) {
      return null;
    }
    RecordIdempotency idempotency =
        RecordIdempotency.of(config.store(store.newStore(resources)).build());
    return keyed == null ? idempotency : idempotency.key(keyed);
  }
}
