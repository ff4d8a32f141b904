package dev.lamina.test.sqs;

import dev.lamina.test.internal.ChildServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * ElasticMQ, an SQS-compatible server, running on loopback in a child JVM, for tests that drive
 * real queues with the real {@code SqsClient}: receive counts, visibility timeouts, FIFO message
 * groups, deduplication and redrive policies to a dead-letter queue all behave as on SQS.
 *
 * <p>The child runs {@code java -Dconfig.file=custom.conf -cp <class path>
 * org.elasticmq.server.Main} in a fresh working directory, with a configuration that binds
 * {@code 127.0.0.1} only, on a free ephemeral port, with the statistics server off and
 * {@code sqs-limits = strict} (SQS's own limits on names, sizes and batch sizes). The class path
 * (Scala, Pekko and ElasticMQ, about 37 MB) comes from a file written by Maven, so none of it
 * shares a class path with the code under test (see {@link Builder#classPathFile(Path)}). Queues
 * live in memory and are gone when the server stops. Queue ARNs carry the builder's region and
 * account, {@code arn:aws:sqs:us-east-1:123456789012:<name>} by default, as Lambda's events do.
 *
 * <p>Thread-safe. Always {@link #close()} it. It needs no AWS SDK itself.
 *
 * <pre>{@code
 * try (ElasticMq sqs = ElasticMq.builder()
 *         .classPathFile(Path.of("../elasticmq-server/target/elasticmq-server.classpath"))
 *         .start()) {
 *     SqsClient client = SqsClient.builder()
 *             .endpointOverride(sqs.endpoint())
 *             .region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(
 *                 AwsBasicCredentials.create("x", "y")))
 *             .httpClient(UrlConnectionHttpClient.create())
 *             .build();
 * }
 * }</pre>
 */
public final class ElasticMq implements AutoCloseable {

  /** The system property that names the class path file when the builder is not given one. */
  public static final String CLASS_PATH_PROPERTY = "lamina.elasticmq.classpath";

  /** ElasticMQ's server entry point. */
  public static final String MAIN_CLASS = "org.elasticmq.server.Main";

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  private static final String PRODUCT = "ElasticMQ";
  private static final ChildServer.Failure FAILURE = ElasticMqException::new;

  private final ChildServer child;
  private final int port;
  private final String region;
  private final String accountId;

  private ElasticMq(ChildServer child, int port, String region, String accountId) {
    this.child = child;
    this.port = port;
    this.region = region;
    this.accountId = accountId;
  }

  /**
   * A builder; the class path comes from {@link Builder#classPathFile(Path)} or the
   * {@value #CLASS_PATH_PROPERTY} system property.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The server's endpoint, {@code http://127.0.0.1:<port>}, for {@code endpointOverride}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The server's port. */
  public int port() {
    return port;
  }

  /** The region in the queues' ARNs. */
  public String region() {
    return region;
  }

  /** The account id in the queues' URLs and ARNs. */
  public String accountId() {
    return accountId;
  }

  /** Whether the child JVM is still running. */
  public boolean isAlive() {
    return child.isAlive();
  }

  /** The server's output so far (stdout and stderr merged), for diagnostics. */
  public List<String> output() {
    return child.output();
  }

  /** Stops the server and deletes its working directory. Idempotent. */
  @Override
  public void close() {
    child.stop();
  }

  @Override
  public String toString() {
    return "ElasticMq[" + endpoint() + "]";
  }

  /** The configuration file the server is started with: loopback only, on {@code port}. */
  static String configuration(int port, String region, String accountId) {
    return "include classpath(\"application.conf\")\n"
        + "node-address { protocol = http, host = \"127.0.0.1\", port = "
        + port
        + ", context-path = \"\" }\n"
        + "rest-sqs { enabled = true, bind-port = "
        + port
        + ", bind-hostname = \"127.0.0.1\", sqs-limits = strict }\n"
        + "rest-stats { enabled = false }\n"
        + "aws { region = \""
        + region
        + "\", accountId = \""
        + accountId
        + "\" }\n";
  }

  /** Builds and starts an {@link ElasticMq}. Not thread-safe. */
  public static final class Builder {
    private List<Path> classPath;
    private Path classPathFile;
    private Duration startTimeout = Duration.ofSeconds(30);
    private Path javaHome = Path.of(System.getProperty("java.home"));
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private List<String> jvmFlags =
        List.of(
            "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx256m",
            "-Xss512k");

    private Builder() {}

    /** ElasticMQ's class path (jars); takes precedence over {@link #classPathFile(Path)}. */
    public Builder classPath(List<Path> classPath) {
      this.classPath = List.copyOf(Objects.requireNonNull(classPath, "classPath"));
      return this;
    }

    /**
     * A file holding ElasticMQ's class path in the platform's path syntax, as
     * {@code maven-dependency-plugin:build-classpath} writes it for
     * {@code org.elasticmq:elasticmq-server_2.13}. Default: the file named by the
     * {@value #CLASS_PATH_PROPERTY} system property.
     */
    public Builder classPathFile(Path classPathFile) {
      this.classPathFile = Objects.requireNonNull(classPathFile, "classPathFile");
      return this;
    }

    /** The region in queue ARNs, such as {@code us-east-1} (the default). */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The 12-digit account id in queue URLs and ARNs; default {@code 123456789012}. */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /** How long to wait for the server to answer its first request; default 30 s. */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
      return this;
    }

    /** The JDK to run the server with (11 or newer); default: this JVM's {@code java.home}. */
    public Builder javaHome(Path javaHome) {
      this.javaHome = Objects.requireNonNull(javaHome, "javaHome");
      return this;
    }

    /** Replaces the default JVM flags (level-1 JIT, serial GC, 256 MB heap: quick to start). */
    public Builder jvmFlags(List<String> jvmFlags) {
      this.jvmFlags = List.copyOf(Objects.requireNonNull(jvmFlags, "jvmFlags"));
      return this;
    }

    /**
     * Starts the server and waits until it answers an SQS request (about 1 to 3 s).
     *
     * @throws IllegalArgumentException naming a bad setting
     * @throws ElasticMqException if the class path is missing, or the server did not start
     */
    public ElasticMq start() {
      if (!REGION.matcher(region).matches()) {
        throw new IllegalArgumentException(
            "[region] must look like us-east-1, was [" + region + "]");
      }
      if (!ACCOUNT.matcher(accountId).matches()) {
        throw new IllegalArgumentException(
            "[accountId] must be 12 digits, was [" + accountId + "]");
      }
      if (startTimeout.isNegative() || startTimeout.isZero()) {
        throw new IllegalArgumentException("[startTimeout] must be positive, was " + startTimeout);
      }
      List<Path> cp =
          ChildServer.classPath(
              PRODUCT,
              classPath,
              classPathFile,
              CLASS_PATH_PROPERTY,
              "org.elasticmq:elasticmq-server_2.13",
              FAILURE);
      return ChildServer.onFreePort(port -> startOnce(cp, port), ElasticMqException.class);
    }

    private ElasticMq startOnce(List<Path> cp, int port) {
      Path work = ChildServer.workDirectory("lamina-elasticmq-");
      Path conf = work.resolve("custom.conf");
      try {
        Files.writeString(conf, configuration(port, region, accountId), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ChildServer child =
          ChildServer.launch(
              PRODUCT,
              javaHome,
              jvmFlags,
              List.of("-Dconfig.file=" + conf),
              cp,
              MAIN_CLASS,
              List.of(),
              Map.of(),
              work,
              FAILURE);
      child.awaitReady(
          port, Builder::answers, "answering an SQS request", startTimeout, 50, FAILURE);
      return new ElasticMq(child, port, region, accountId);
    }

    /** Whether the server answers {@code ListQueues}: bound and its SQS routes up. */
    private static boolean answers(int port) {
      HttpURLConnection connection = null;
      try {
        connection =
            (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + "/?Action=ListQueues")
                    .toURL()
                    .openConnection();
        connection.setConnectTimeout(200);
        connection.setReadTimeout(2_000);
        return connection.getResponseCode() == 200;
      } catch (IOException e) {
        return false;
      } finally {
        if (connection != null) {
          connection.disconnect();
        }
      }
    }
  }
}
