package dev.lamina.test.dynamodb;

import dev.lamina.test.internal.ChildServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * DynamoDB Local running as a loopback HTTP server in a child JVM, for integration tests that drive it
 * with the real {@code DynamoDbClient} over HTTP (so SDK interceptors, retries and the HTTP client are
 * all exercised).
 *
 * <p>The child runs {@code com.amazonaws.services.dynamodbv2.local.main.ServerRunner -inMemory
 * -disableTelemetry -port N} on a free ephemeral port, with {@code DDB_LOCAL_TELEMETRY=0} as well, from
 * DynamoDB Local's <em>own</em> class path: it drags AWS SDK v1, an old SDK v2, Jetty, log4j and an old
 * Jackson, which must not share a class path with the code under test. That class path comes from a
 * file written by Maven (see {@link Builder#classPathFile(Path)}). Every table lives in memory and is
 * gone when the server stops.
 *
 * <p>DynamoDB Local binds all interfaces (it has no option to bind loopback only); tests should use
 * {@link #endpoint()}, which is on {@code 127.0.0.1}. Its TTL deletes expired items within about a
 * second, faster than DynamoDB: never rely on TTL deletion in a test.
 *
 * <p>Thread-safe. Always {@link #close()} it.
 *
 * <pre>{@code
 * try (DynamoDbLocal dynamo = DynamoDbLocal.builder()
 *         .classPathFile(Path.of("../dynamodb-local/target/dynamodb-local.classpath"))
 *         .start()) {
 *     DynamoDbClient client = DynamoDbClient.builder()
 *             .endpointOverride(dynamo.endpoint())
 *             .region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
 *             .build();
 * }
 * }</pre>
 */
public final class DynamoDbLocal implements AutoCloseable {

  /** The system property that names the class path file when the builder is not given one. */
  public static final String CLASS_PATH_PROPERTY = "lamina.dynamodb.local.classpath";

  /** DynamoDB Local's server entry point. */
  public static final String MAIN_CLASS =
      "com.amazonaws.services.dynamodbv2.local.main.ServerRunner";

  private static final String PRODUCT = "DynamoDB Local";
  private static final ChildServer.Failure FAILURE = DynamoDbLocalException::new;

  private final ChildServer child;
  private final int port;

  private DynamoDbLocal(ChildServer child, int port) {
    this.child = child;
    this.port = port;
  }

  /** A builder; the class path comes from {@link Builder#classPathFile(Path)} or {@value #CLASS_PATH_PROPERTY}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The server's endpoint, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The server's port. */
  public int port() {
    return port;
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
    return "DynamoDbLocal[" + endpoint() + "]";
  }

  /** Builds and starts a {@link DynamoDbLocal}. Not thread-safe. */
  public static final class Builder {
    private List<Path> classPath;
    private Path classPathFile;
    private Duration startTimeout = Duration.ofSeconds(30);
    private Path javaHome = Path.of(System.getProperty("java.home"));
    private List<String> jvmFlags =
        List.of(
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

    private Builder() {}

    /** DynamoDB Local's class path (jars); takes precedence over {@link #classPathFile(Path)}. */
    public Builder classPath(List<Path> classPath) {
      this.classPath = List.copyOf(Objects.requireNonNull(classPath, "classPath"));
      return this;
    }

    /**
     * A file holding DynamoDB Local's class path in the platform's path syntax, as
     * {@code maven-dependency-plugin:build-classpath} writes it. Default: the file named by the
     * {@value #CLASS_PATH_PROPERTY} system property.
     */
    public Builder classPathFile(Path classPathFile) {
      this.classPathFile = Objects.requireNonNull(classPathFile, "classPathFile");
      return this;
    }

    /** How long to wait for the server to accept connections; default 30 s. */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
      return this;
    }

    /** The JDK to run the server with (17 or newer); default: this JVM's {@code java.home}. */
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
     * Starts the server and waits until it accepts connections.
     *
     * @throws DynamoDbLocalException if the class path is missing, or the server did not start
     */
    public DynamoDbLocal start() {
      List<Path> cp =
          ChildServer.classPath(
              PRODUCT,
              classPath,
              classPathFile,
              CLASS_PATH_PROPERTY,
              "com.amazonaws:DynamoDBLocal",
              FAILURE);
      if (startTimeout.isNegative() || startTimeout.isZero()) {
        throw new IllegalArgumentException("[startTimeout] must be positive, was " + startTimeout);
      }
      return ChildServer.onFreePort(port -> startOnce(cp, port), DynamoDbLocalException.class);
    }

    private DynamoDbLocal startOnce(List<Path> cp, int port) {
      ChildServer child =
          ChildServer.launch(
              PRODUCT,
              javaHome,
              jvmFlags,
              List.of(),
              cp,
              MAIN_CLASS,
              List.of("-inMemory", "-disableTelemetry", "-port", Integer.toString(port)),
              Map.of("DDB_LOCAL_TELEMETRY", "0"),
              ChildServer.workDirectory("lamina-dynamodb-local-"),
              FAILURE);
      child.awaitReady(port, Builder::accepts, "accepting connections", startTimeout, 25, FAILURE);
      return new DynamoDbLocal(child, port);
    }

    private static boolean accepts(int port) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return true;
      } catch (IOException e) {
        return false;
      }
    }
  }
}
