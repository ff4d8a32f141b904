package dev.lamina.config.internal;

import dev.lamina.config.ParameterSource;
import dev.lamina.config.ParameterValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Reads SSM with the fewest calls: one paged, recursive {@code GetParametersByPath} per path, then
 * {@code GetParameters} in batches of 10 for the names not under any of those paths; always with
 * decryption. Throttling is retried by the client's standard retry mode.
 */
public final class SsmParameterSource implements ParameterSource, AutoCloseable {
  /** The most names SSM's {@code GetParameters} accepts, and its largest page. */
  public static final int BATCH = 10;

  private final Supplier<SsmClient> client;
  private final boolean owned;

  /**
   * @param client the client
   * @param owned whether {@link #close()} closes it
   */
  public SsmParameterSource(SsmClient client, boolean owned) {
    this(() -> client, owned);
  }

  /**
   * A source over a client that may change, such as an init-once resource re-created after a
   * SnapStart restore: each fetch reads the current one.
   *
   * @param client supplies the current client
   * @param owned whether {@link #close()} closes the current client
   */
  public SsmParameterSource(Supplier<SsmClient> client, boolean owned) {
    this.client = client;
    this.owned = owned;
  }

  @Override
  public List<ParameterValue> fetch(Set<String> names, Set<String> paths) {
    SsmClient client = this.client.get();
    List<ParameterValue> out = new ArrayList<>();
    for (String path : new TreeSet<>(paths)) {
      String token = null;
      do {
        String t = token;
        GetParametersByPathResponse page =
            client.getParametersByPath(
                r ->
                    r.path(path)
                        .recursive(true)
                        .withDecryption(true)
                        .maxResults(BATCH)
                        .nextToken(t));
        page.parameters().forEach(p -> out.add(value(p)));
        token = page.nextToken();
      } while (token != null && !token.isEmpty());
    }
    List<String> rest = new ArrayList<>();
    for (String name : new TreeSet<>(names)) {
      if (!underAny(name, paths)) {
        rest.add(name);
      }
    }
    for (int i = 0; i < rest.size(); i += BATCH) {
      List<String> batch = rest.subList(i, Math.min(rest.size(), i + BATCH));
      GetParametersResponse response =
          client.getParameters(r -> r.names(batch).withDecryption(true));
      response.parameters().forEach(p -> out.add(value(p)));
    }
    return out;
  }

  private static boolean underAny(String name, Set<String> paths) {
    for (String path : paths) {
      String prefix = path.endsWith("/") ? path : path + "/";
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static ParameterValue value(Parameter p) {
    return new ParameterValue(p.name(), p.value(), p.type() == ParameterType.SECURE_STRING);
  }

  @Override
  public void close() {
    if (owned) {
      client.get().close();
    }
  }

  @Override
  public String toString() {
    return "SsmParameterSource";
  }
}
