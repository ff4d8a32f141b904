package dev.lamina.config.internal;

import dev.lamina.config.ParameterSource;
import dev.lamina.config.ParameterValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Reads SSM with the fewest calls: one paged, recursive {@code GetParametersByPath} per path, then
 * {@code GetParameters} in batches of 10 for the names not under any of those paths; always with
 * decryption. Every call goes through a {@link Retrier}: {@code ThrottlingException} (and the
 * other throttling codes), 5xx answers and connection failures are retried with jittered
 * exponential backoff until the load's budget runs out, then fail as {@link
 * dev.lamina.config.ConfigThrottledException}. The clients Lamina builds have the SDK's own retries
 * turned off ({@link SsmClients}), so this is the only retry loop and the budget is exact.
 */
public final class SsmParameterSource implements ParameterSource, AutoCloseable {
  /** The most names SSM's {@code GetParameters} accepts, and its largest page. */
  public static final int BATCH = 10;

  private final Supplier<SsmClient> client;
  private final boolean owned;
  private final Retrier retrier;

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
    this(client, owned, Retrier.system(ConfigDefaults.INIT_BUDGET));
  }

  /**
   * A source that retries with {@code retrier}.
   *
   * @param client supplies the current client
   * @param owned whether {@link #close()} closes the current client
   * @param retrier retries throttled and transient failures within its budget
   */
  public SsmParameterSource(Supplier<SsmClient> client, boolean owned, Retrier retrier) {
    this.client = client;
    this.owned = owned;
    this.retrier = retrier;
  }

  /**
   * A source that owns {@code client}, closing it on {@link #close()}.
   *
   * @param client the client
   * @param retrier retries throttled and transient failures within its budget
   * @return the source
   */
  public static SsmParameterSource owning(SsmClient client, Retrier retrier) {
    return new SsmParameterSource(() -> client, true, retrier);
  }

  /** What a failed SSM call is worth retrying. */
  static Retrier.Kind classify(RuntimeException e) {
    if (e instanceof AwsServiceException) {
      AwsServiceException service = (AwsServiceException) e;
      String code =
          service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      if (service.isThrottlingException()
          || "ThrottlingException".equals(code)
          || "TooManyUpdates".equals(code)
          || "RequestLimitExceeded".equals(code)) {
        return Retrier.Kind.THROTTLED;
      }
      return service.statusCode() >= 500 ? Retrier.Kind.TRANSIENT : Retrier.Kind.FATAL;
    }
    return e instanceof SdkClientException ? Retrier.Kind.TRANSIENT : Retrier.Kind.FATAL;
  }

  @Override
  public List<ParameterValue> fetch(Set<String> names, Set<String> paths) {
    SsmClient client = this.client.get();
    Retrier.Run run =
        retrier.start(
            "SSM Parameter Store",
            (names.isEmpty() ? "" : names.size() + " names ")
                + (paths.isEmpty() ? "" : "paths " + new TreeSet<>(paths)),
            SsmParameterSource::classify);
    List<ParameterValue> out = new ArrayList<>();
    for (String path : new TreeSet<>(paths)) {
      String token = null;
      do {
        String t = token;
        GetParametersByPathResponse page =
            run.call(
                () ->
                    client.getParametersByPath(
                        r ->
                            r.path(path)
                                .recursive(true)
                                .withDecryption(true)
                                .maxResults(BATCH)
                                .nextToken(t)));
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
          run.call(() -> client.getParameters(r -> r.names(batch).withDecryption(true)));
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
