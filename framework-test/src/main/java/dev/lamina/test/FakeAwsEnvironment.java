package dev.lamina.test;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS variables a function finds in its environment on Lambda, with made-up credentials: what
 * an SDK client needs to start without looking anywhere else (no profile file, no instance
 * metadata). Local servers ({@link dev.lamina.test.dynamodb.DynamoDbLocal},
 * {@link dev.lamina.test.ssm.LocalParameterStore}, {@link dev.lamina.test.sqs.ElasticMq}) accept
 * any credentials; a real AWS endpoint rejects these.
 *
 * <pre>{@code
 * Map<String, String> env = FakeAwsEnvironment.with(Map.of("TABLE", "orders"));
 * LocalLambda.builder().handler(...).environment(env).start();
 * }</pre>
 */
public final class FakeAwsEnvironment {

  /** The region: the same as {@link FakeContext}'s and {@link LocalLambda}'s. */
  public static final String REGION = FakeContext.DEFAULT_REGION;

  /** The access key id. */
  public static final String ACCESS_KEY_ID = "test";

  /** The secret access key. */
  public static final String SECRET_ACCESS_KEY = "test";

  /** The session token; Lambda always sets one, for the function's role. */
  public static final String SESSION_TOKEN = "test-session";

  private FakeAwsEnvironment() {}

  /**
   * {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, {@code AWS_ACCESS_KEY_ID},
   * {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}, in a new map the caller may
   * change.
   */
  public static Map<String, String> variables() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_REGION", REGION);
    env.put("AWS_DEFAULT_REGION", REGION);
    env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
    env.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
    env.put("AWS_SESSION_TOKEN", SESSION_TOKEN);
    return env;
  }

  /** {@link #variables()} and {@code more}, where {@code more} wins; a new map. */
  public static Map<String, String> with(Map<String, String> more) {
    Map<String, String> env = variables();
    env.putAll(more);
    return env;
  }
}
