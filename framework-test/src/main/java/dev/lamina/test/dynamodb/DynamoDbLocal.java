package dev.lamina.test.dynamodb;

import dev.lamina.test.internal.Directories;
import dev.lamina.test.internal.OutputCapture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

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
  public static final String MAIN_CLASS = "com.amazonaws.services.dynamodbv2.local.main.ServerRunner";

  private final Process process;
  private final OutputCapture output;
  private final Path workDirectory;
  private final int port;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DynamoDbLocal(Process process, OutputCapture output, Path workDirectory, int port) {
    this.process = process;
    this.output = output;
    this.workDirectory = workDirectory;
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
    return process.isAlive();
  }

  /** The server's output so far (stdout and stderr merged), for diagnostics. */
  public List<String> output() {
    return output.merged();
  }

  /** Stops the server and deletes its working directory. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Directories.deleteTree(workDirectory);
    } catch (UncheckedIOException e) {
      // A file still held by the dying process: the temp directory is left behind, harmlessly.
    }
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
    private List<String> jvmFlags = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Xmx256m");

    private Builder() {
    }

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
      List<Path> cp = resolveClassPath();
      if (startTimeout.isNegative() || startTimeout.isZero()) {
        throw new IllegalArgumentException("[startTimeout] must be positive, was " + startTimeout);
      }
      DynamoDbLocalException last = null;
      for (int attempt = 0; attempt < 3; attempt++) {
        try {
          return startOnce(cp, freePort());
        } catch (DynamoDbLocalException e) {
          // Most likely another process took the free port first; try another.
          last = e;
        }
      }
      throw last;
    }

    private List<Path> resolveClassPath() {
      if (classPath != null) {
        return checkExists(classPath);
      }
      Path file = classPathFile;
      if (file == null) {
        String property = System.getProperty(CLASS_PATH_PROPERTY);
        if (property == null || property.isBlank()) {
          throw new DynamoDbLocalException("No class path for DynamoDB Local: call [classPathFile(..)] or "
              + "set the system property [" + CLASS_PATH_PROPERTY + "] to a file written by "
              + "maven-dependency-plugin:build-classpath for com.amazonaws:DynamoDBLocal");
        }
        file = Path.of(property);
      }
      if (!Files.isRegularFile(file)) {
        throw new DynamoDbLocalException("DynamoDB Local class path file [" + file.toAbsolutePath()
            + "] does not exist: build the module that writes it first (mvn verify from the root)");
      }
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8).trim();
      } catch (IOException e) {
        throw new DynamoDbLocalException("Cannot read DynamoDB Local class path file [" + file + "]", e);
      }
      return checkExists(Arrays.stream(text.split(java.io.File.pathSeparator))
          .filter(s -> !s.isBlank()).map(Path::of).collect(Collectors.toList()));
    }

    private static List<Path> checkExists(List<Path> cp) {
      List<Path> missing = cp.stream().filter(p -> !Files.exists(p)).collect(Collectors.toList());
      if (cp.isEmpty() || !missing.isEmpty()) {
        throw new DynamoDbLocalException("DynamoDB Local class path is empty or has missing entries "
            + missing + ": rebuild it with maven-dependency-plugin:build-classpath");
      }
      return cp;
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private DynamoDbLocal startOnce(List<Path> cp, int port) {
      Path work;
      try {
        work = Files.createTempDirectory("lamina-dynamodb-local-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<String> command = new ArrayList<>();
      command.add(javaHome.resolve("bin").resolve("java").toString());
      command.addAll(jvmFlags);
      command.add("-Djava.io.tmpdir=" + work);
      command.add("-cp");
      command.add(cp.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
      command.add(MAIN_CLASS);
      command.addAll(List.of("-inMemory", "-disableTelemetry", "-port", Integer.toString(port)));
      ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
      pb.environment().put("DDB_LOCAL_TELEMETRY", "0");
      Process process;
      try {
        process = pb.start();
      } catch (IOException e) {
        Directories.deleteTree(work);
        throw new DynamoDbLocalException("Cannot start DynamoDB Local with [" + command.get(0) + "]", e);
      }
      OutputCapture output = new OutputCapture(null, "");
      output.start(process.getInputStream(), process.getErrorStream(), "lamina-dynamodb-local-" + process.pid());
      try {
        process.getOutputStream().close();
      } catch (IOException e) {
        // Nothing reads its stdin anyway.
      }
      DynamoDbLocal server = new DynamoDbLocal(process, output, work, port);
      long deadline = System.nanoTime() + startTimeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          server.close();
          throw new DynamoDbLocalException("DynamoDB Local exited with " + process.exitValue()
              + " before accepting connections on port [" + port + "]; last output: "
              + output.last(20));
        }
        if (accepts(port)) {
          return server;
        }
        try {
          Thread.sleep(25);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          server.close();
          throw new DynamoDbLocalException("Interrupted while DynamoDB Local was starting", e);
        }
      }
      server.close();
      throw new DynamoDbLocalException("DynamoDB Local did not accept connections on port [" + port
          + "] within " + startTimeout.toMillis() + " ms; raise [startTimeout]; last output: "
          + output.last(20));
    }

    private static boolean accepts(int port) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 200);
        return true;
      } catch (IOException e) {
        return false;
      }
    }
  }
}
