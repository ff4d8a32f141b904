package dev.lamina.test;

import dev.lamina.test.internal.Directories;
import dev.lamina.test.internal.OutputCapture;
import dev.lamina.test.internal.RuntimeClientClassPath;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A handler running under the real AWS Lambda runtime interface client (RIC) in a child JVM, fed by a
 * local {@link RuntimeApiServer}: the same runtime loop, serialization and error reporting as on
 * Lambda, without deploying.
 *
 * <p>The child is started as
 * {@code java <jvm flags> -cp <function class path>:<RIC class path> ...AWSLambda <handler>} in a
 * fresh, empty working directory, with a clean environment: only the Lambda-like defaults listed on
 * {@link Builder#environment(Map)}, {@code PATH}, {@code JAVA_HOME} and what the test adds. Nothing of
 * the test JVM's environment leaks in. The RIC and its dependencies are found on the test JVM's own
 * class path. Its stdout and stderr are captured line by line ({@link #output()}); nothing is echoed
 * unless {@link Builder#echoOutput(boolean)} asks for it.
 *
 * <p>Thread-safe: invocations may be sent from several threads; the runtime answers them one at a
 * time, in the order they were queued. Several instances may run at once. Linux only (x86_64 or
 * aarch64), as the RIC's JNI library is.
 *
 * <p>Always {@link #close()} it (try-with-resources, or the {@link LocalLambdaTest} extension does it):
 * that stops the child, the server, and deletes the working directory.
 *
 * <pre>{@code
 * try (LocalLambda lambda = LocalLambda.builder()
 *         .handler("com.example.Greeter::handleRequest")
 *         .classPath(List.of(Path.of("target/classes")))
 *         .environment(Map.of("GREETING", "Hello"))
 *         .start()) {
 *     InvocationResult result = lambda.invoke("{\"name\":\"Ada\"}");
 *     assertEquals("\"Hello Ada\"", result.body());
 * }
 * }</pre>
 */
public final class LocalLambda implements AutoCloseable {

  /** How much longer than an invocation's timeout {@code invoke} waits, to cover JVM start and init. */
  public static final Duration WAIT_GRACE = Duration.ofSeconds(15);

  private static final int LAST_LINES = 40;

  private final String handler;
  private final String functionArn;
  private final Duration defaultTimeout;
  private final Path workDirectory;
  private final Path classLoadLog;
  private final Map<String, String> environment;
  private final List<String> commandLine;
  private final RuntimeApiServer server;
  private final OutputCapture output;
  private final AtomicLong firstResponseNanos = new AtomicLong(-1);
  private volatile int classesAtFirstResponse = -1;
  private final AtomicBoolean killed = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile LocalLambdaDiedException exitFailure;
  private final long startNanos;
  private final Process process;

  private LocalLambda(Builder b) throws IOException {
    this.handler = b.handler;
    this.defaultTimeout = b.timeout;
    this.workDirectory = Files.createTempDirectory("lamina-local-lambda-");
    this.classLoadLog = b.classLoadLog ? workDirectory.resolve("classes.log") : null;
    this.output = new OutputCapture(b.echoOutput ? System.err : null, "[" + b.functionName + "] ");
    RuntimeApiServer started = null;
    try {
      started = RuntimeApiServer.start(Clock.systemUTC(), this::onResult);
      this.server = started;
      this.environment = environment(b, workDirectory, server.address());
      this.functionArn =
          "arn:aws:lambda:"
              + environment.getOrDefault("AWS_REGION", FakeContext.DEFAULT_REGION)
              + ":"
              + FakeContext.DEFAULT_ACCOUNT_ID
              + ":function:"
              + b.functionName;
      this.commandLine = commandLine(b, classLoadLog);
      ProcessBuilder pb = new ProcessBuilder(commandLine).directory(workDirectory.toFile());
      pb.environment().clear();
      pb.environment().putAll(environment);
      this.startNanos = System.nanoTime();
      this.process = pb.start();
    } catch (IOException | RuntimeException e) {
      if (started != null) {
        started.close();
      }
      Directories.deleteTree(workDirectory);
      throw e;
    }
    output.start(
        process.getInputStream(), process.getErrorStream(), "lamina-local-lambda-" + process.pid());
    process.getOutputStream().close();
    process
        .onExit()
        .thenRunAsync(
            this::onExit,
            r -> {
              Thread t = new Thread(r, "lamina-local-lambda-exit-" + process.pid());
              t.setDaemon(true);
              t.start();
            });
  }

  /** A builder; {@link Builder#handler(String)} and {@link Builder#classPath(List)} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Invokes with a UTF-8 JSON payload and the builder's timeout; blocks until the runtime answers. */
  public InvocationResult invoke(String json) {
    return invoke(json, defaultTimeout);
  }

  /** Invokes with a raw payload and the builder's timeout; blocks until the runtime answers. */
  public InvocationResult invoke(byte[] payload) {
    return invoke(event(InvocationRequest.builder(payload), defaultTimeout));
  }

  /**
   * Invokes with a UTF-8 JSON payload; {@code timeout} sets the deadline the function sees.
   * Blocks until the runtime answers, at most {@code timeout} plus {@link #WAIT_GRACE}.
   *
   * @return the response or the error the runtime posted (a handler that throws yields an
   *     {@linkplain InvocationResult#isError() error result}, not an exception)
   * @throws LocalLambdaDiedException if the child exits before answering (or had exited already)
   * @throws LocalLambdaException if no answer arrives within the bound, or the lambda is closed
   */
  public InvocationResult invoke(String json, Duration timeout) {
    return invoke(event(InvocationRequest.builder(json), timeout));
  }

  /**
   * Sends a fully specified event (request id, deadline, headers) and blocks until the runtime
   * answers, at most until its deadline plus {@link #WAIT_GRACE}.
   *
   * @throws LocalLambdaDiedException if the child exits before answering (or had exited already)
   * @throws LocalLambdaException if no answer arrives within the bound, or the lambda is closed
   */
  public InvocationResult invoke(InvocationRequest invocation) {
    CompletableFuture<InvocationResult> future = send(invocation);
    Duration wait = waitBound(invocation);
    try {
      return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalLambdaException(
          "[" + invocation.requestId() + "] interrupted while waiting for the runtime", e);
    } catch (TimeoutException e) {
      throw new LocalLambdaException(
          "["
              + invocation.requestId()
              + "] got no answer within "
              + wait
              + " (the function's JVM is "
              + (process.isAlive() ? "alive" : "dead")
              + "). Last output:\n"
              + String.join("\n", output.last(LAST_LINES)));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof LocalLambdaDiedException) {
        LocalLambdaDiedException d = (LocalLambdaDiedException) cause;
        throw new LocalLambdaDiedException(d.getMessage(), d.exitCode(), d.lastOutput());
      }
      throw new LocalLambdaException(String.valueOf(cause.getMessage()), cause);
    }
  }

  /** {@link #invoke(String)} without blocking. */
  public CompletableFuture<InvocationResult> invokeAsync(String json) {
    return invokeAsync(json, defaultTimeout);
  }

  /** {@link #invoke(String, Duration)} without blocking. */
  public CompletableFuture<InvocationResult> invokeAsync(String json, Duration timeout) {
    return invokeAsync(event(InvocationRequest.builder(json), timeout));
  }

  /**
   * Sends the event and returns at once. The future completes with the answer; exceptionally with a
   * {@link LocalLambdaDiedException} if the child exits first, or a {@link TimeoutException} after the
   * event's deadline plus {@link #WAIT_GRACE}. Cancelling it does not recall the event.
   *
   * @throws LocalLambdaDiedException if the child had already exited
   */
  public CompletableFuture<InvocationResult> invokeAsync(InvocationRequest invocation) {
    return send(invocation)
        .copy()
        .orTimeout(waitBound(invocation).toMillis(), TimeUnit.MILLISECONDS);
  }

  private InvocationRequest event(InvocationRequest.Builder builder, Duration timeout) {
    return builder.timeout(timeout).invokedFunctionArn(functionArn).build();
  }

  private static Duration waitBound(InvocationRequest invocation) {
    Duration left = Duration.between(Instant.now(), invocation.deadline());
    return (left.isNegative() ? Duration.ZERO : left).plus(WAIT_GRACE);
  }

  private CompletableFuture<InvocationResult> send(InvocationRequest invocation) {
    Objects.requireNonNull(invocation, "invocation");
    if (closed.get()) {
      throw new LocalLambdaException("[" + handler + "] is closed");
    }
    LocalLambdaDiedException failure = exitFailure;
    if (failure != null) {
      throw new LocalLambdaDiedException(
          failure.getMessage(), failure.exitCode(), failure.lastOutput());
    }
    CompletableFuture<InvocationResult> future = server.enqueue(invocation);
    failure = exitFailure;
    if (failure != null) {
      // The child exited between the check and the enqueue: nobody will take this event.
      server.failPending(failure);
    }
    return future;
  }

  private void onResult(InvocationResult result) {
    if (firstResponseNanos.compareAndSet(-1, System.nanoTime()) && classLoadLog != null) {
      classesAtFirstResponse = countLines(classLoadLog);
    }
  }

  private static int countLines(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      int n = 0;
      for (byte x : bytes) {
        if (x == '\n') {
          n++;
        }
      }
      return n;
    } catch (IOException e) {
      return -1;
    }
  }

  private void onExit() {
    output.awaitEnd(2_000);
    int code = process.exitValue();
    Optional<InitError> init = server.initError();
    String why;
    if (init.isPresent()) {
      why =
          "["
              + handler
              + "] failed its init ("
              + init.get().errorType()
              + ": "
              + init.get().errorMessage()
              + ") and its JVM exited with code "
              + code;
    } else if (killed.get()) {
      why = "[" + handler + "] was killed (exit code " + code + ") before it answered";
    } else if (closed.get()) {
      why = "[" + handler + "] was closed (exit code " + code + ") before it answered";
    } else {
      why = "[" + handler + "]'s JVM exited with code " + code + " before it answered";
    }
    List<String> last = output.last(LAST_LINES);
    exitFailure =
        new LocalLambdaDiedException(
            why + ". Last output:\n" + String.join("\n", last), code, last);
    server.failPending(exitFailure);
  }

  /** The init error the runtime posted so far, if any; its exit code is set once the child exited. */
  public Optional<InitError> initError() {
    return server.initError().map(e -> process.isAlive() ? e : e.withExitCode(process.exitValue()));
  }

  /**
   * Waits for the runtime to post an init error, then for the child to exit (it does, with 1), and
   * returns the error with the exit code. The whole wait is bounded by {@code timeout}; if the child
   * is still alive when the timeout ends, the error comes back without an exit code.
   *
   * @throws LocalLambdaException if no init error arrives in time, or the child exits without one
   */
  public InitError awaitInitError(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<InitError> init = server.initErrorFuture();
    CompletableFuture<Object> either = CompletableFuture.anyOf(init, process.onExit());
    try {
      either.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (!init.isDone()) {
        // The process exited; the runtime posts before exiting, but give the server thread a
        // moment.
        init.get(500, TimeUnit.MILLISECONDS);
      }
      InitError error = init.get();
      process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return process.isAlive() ? error : error.withExitCode(process.exitValue());
    } catch (TimeoutException e) {
      throw new LocalLambdaException(
          "["
              + handler
              + "] posted no init error within "
              + timeout
              + " (the JVM is "
              + (process.isAlive() ? "alive" : "dead, exit code " + process.exitValue())
              + "). Last output:\n"
              + String.join("\n", output.last(LAST_LINES)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalLambdaException(
          "[" + handler + "] interrupted while waiting for an init error", e);
    } catch (ExecutionException e) {
      throw new LocalLambdaException("[" + handler + "] init error wait failed", e.getCause());
    }
  }

  /** The cold-start numbers measured so far; see {@link Timings}. */
  public Timings timings() {
    long first = firstResponseNanos.get();
    return new Timings(
        first < 0 ? null : Duration.ofNanos(first - startNanos),
        first < 0 ? -1 : classesAtFirstResponse);
  }

  /** Everything the child printed so far, stdout and stderr interleaved (stderr lines prefixed {@code [stderr] }). */
  public List<String> output() {
    return output.merged();
  }

  /** The child's stdout lines so far. */
  public List<String> stdoutLines() {
    return output.stdout();
  }

  /**
   * Waits for a stdout line that matches. The child's output travels through a pipe, so a line
   * it logged during an invocation may arrive just after that invocation's response: tests that
   * look for a log line should wait for it rather than read {@link #stdoutLines()} at once.
   *
   * @param matcher which line to wait for; not {@code null}
   * @param timeout how long to wait at most
   * @return the first matching line (earlier lines included in the search)
   * @throws LocalLambdaException if no line matches in time, with the last output lines
   */
  public String awaitStdoutLine(java.util.function.Predicate<String> matcher, Duration timeout) {
    Objects.requireNonNull(matcher, "matcher");
    return output
        .awaitStdout(matcher, timeout.toMillis())
        .orElseThrow(
            () ->
                new LocalLambdaException(
                    "No stdout line matched within "
                        + timeout.toMillis()
                        + " ms; last output:\n"
                        + String.join("\n", output.last(20))));
  }

  /**
   * Waits for a line of the child's stdout or stderr (stderr lines start {@code [stderr] }, as in
   * {@link #output()}) that matches, such as the runtime's error line, which it writes after
   * posting the error.
   *
   * @param matcher what the line must satisfy
   * @param timeout how long to wait
   * @return the first matching line
   * @throws LocalLambdaException if none arrives in time, with the last output
   */
  public String awaitOutputLine(java.util.function.Predicate<String> matcher, Duration timeout) {
    Objects.requireNonNull(matcher, "matcher");
    return output
        .awaitMerged(matcher, timeout.toMillis())
        .orElseThrow(
            () ->
                new LocalLambdaException(
                    "No output line matched within "
                        + timeout.toMillis()
                        + " ms; last output:\n"
                        + String.join("\n", output.last(20))));
  }

  /** The child's stderr lines so far. */
  public List<String> stderrLines() {
    return output.stderr();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The child's exit code, once it has exited. */
  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  /**
   * Kills the child at once ({@code SIGKILL}), as a crash or a timeout would, and waits up to 5 s for
   * it to be gone. Invocations in flight fail with {@link LocalLambdaDiedException}. The server and the
   * working directory stay until {@link #close()}.
   */
  public void kill() {
    killed.set(true);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the child (gently, then forcibly), the server, and deletes the working directory. Idempotent. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(3));
  }

  /**
   * Stops as {@link #close()} does, giving the child up to {@code grace} to exit on its own after
   * the stop signal, as a JVM writing a class-data archive at exit needs. Idempotent.
   *
   * @param grace how long to wait before stopping the child forcibly; not negative
   */
  public void stop(Duration grace) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      process.destroy();
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } finally {
      server.close();
      output.awaitEnd(1_000);
      try {
        Directories.deleteTree(workDirectory);
      } catch (UncheckedIOException e) {
        // A leftover temp directory is not worth failing a test over.
      }
    }
  }

  /** The handler string, as given. */
  public String handler() {
    return handler;
  }

  /** The {@code AWS_LAMBDA_RUNTIME_API} value the child talks to. */
  public String runtimeApiAddress() {
    return server.address();
  }

  /** The child's working directory (deleted by {@link #close()}). */
  public Path workDirectory() {
    return workDirectory;
  }

  /** The exact environment the child was started with. */
  public Map<String, String> environment() {
    return environment;
  }

  /** The exact command line the child was started with. */
  public List<String> commandLine() {
    return commandLine;
  }

  @Override
  public String toString() {
    return "LocalLambda["
        + handler
        + ", "
        + server.address()
        + ", "
        + (process.isAlive() ? "alive" : "exited")
        + "]";
  }

  private static Map<String, String> environment(Builder b, Path workDir, String runtimeApi) {
    Map<String, String> env = new LinkedHashMap<>();
    String path = System.getenv("PATH");
    env.put("PATH", path != null ? path : "/usr/local/bin:/usr/bin:/bin");
    env.put("JAVA_HOME", b.javaHome.toString());
    env.put("LANG", "C.UTF-8");
    env.put("TZ", ":UTC");
    env.put("AWS_REGION", FakeContext.DEFAULT_REGION);
    env.put("AWS_DEFAULT_REGION", FakeContext.DEFAULT_REGION);
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java" + featureVersion(b.javaHome));
    env.put("AWS_LAMBDA_FUNCTION_NAME", b.functionName);
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(b.memorySizeMb));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + b.functionName);
    env.put(
        "AWS_LAMBDA_LOG_STREAM_NAME",
        LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
            + "/[$LATEST]"
            + UUID.randomUUID().toString().replace("-", ""));
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("_HANDLER", b.handler);
    env.put("LAMBDA_TASK_ROOT", workDir.toString());
    env.putAll(b.environment);
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    return Map.copyOf(env);
  }

  private static List<String> commandLine(Builder b, Path classLoadLog) {
    List<String> cmd = new ArrayList<>();
    cmd.add(b.javaHome.resolve("bin").resolve("java").toString());
    if (b.jvmFlags != null) {
      cmd.addAll(b.jvmFlags);
    } else {
      cmd.addAll(Builder.lambdaLikeFlags(b.memorySizeMb));
    }
    cmd.add("-D" + RuntimeClientClassPath.JNI_PROPERTY + "=" + RuntimeClientClassPath.jniLibrary());
    if (classLoadLog != null) {
      cmd.add("-Xlog:class+load=info:file=" + classLoadLog);
    }
    List<Path> cp = new ArrayList<>(b.classPath);
    // A function that ships its own runtime client (a container image's lib/) keeps its copy and
    // its class path exactly as given, which a CDS archive trained on it depends on.
    java.util.Set<String> shipped = new java.util.HashSet<>();
    for (Path p : b.classPath) {
      shipped.add(String.valueOf(p.getFileName()));
    }
    for (Path p : RuntimeClientClassPath.locate()) {
      if (!shipped.contains(String.valueOf(p.getFileName()))) {
        cp.add(p);
      }
    }
    cmd.add("-cp");
    cmd.add(
        cp.stream()
            .map(p -> p.toAbsolutePath().toString())
            .distinct()
            .collect(Collectors.joining(File.pathSeparator)));
    cmd.add(RuntimeClientClassPath.MAIN_CLASS);
    cmd.add(b.handler);
    return List.copyOf(cmd);
  }

  /**
   * Cold-start numbers of one {@link LocalLambda}.
   *
   * @param firstResponse from just before the child JVM was started to the arrival of its first
   *     answer (response or error); null until then
   * @param classesLoadedAtFirstResponse classes the child had loaded when that answer arrived, from
   *     {@code -Xlog:class+load}; -1 unless {@link Builder#classLoadLog(boolean)} was on and an answer
   *     arrived
   */
  public record Timings(Duration firstResponse, int classesLoadedAtFirstResponse) {}

  /**
   * The feature release of the JDK at {@code javaHome} (17, 21, ...), as Lambda names its Java
   * runtimes: from the JDK's {@code release} file, else this JVM's.
   */
  static int featureVersion(Path javaHome) {
    try {
      for (String line : Files.readAllLines(javaHome.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Runtime.Version.parse(version).feature();
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // No readable release file: fall back to this JVM's version.
    }
    return Runtime.version().feature();
  }

  /**
   * Configures and starts a {@link LocalLambda}. Not thread-safe. {@link #start()} validates
   * everything and names the bad setting.
   */
  public static final class Builder {
    private String handler;
    private List<Path> classPath;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private List<String> jvmFlags;
    private Duration timeout = Duration.ofSeconds(30);
    private boolean classLoadLog;
    private boolean echoOutput;
    private String functionName = "test-function";
    private int memorySizeMb = 512;
    private Path javaHome = Path.of(System.getProperty("java.home"));

    private Builder() {}

    /** The Lambda-like default JVM flags for a memory size, as {@link #jvmFlags(List)} would replace them. */
    public static List<String> lambdaLikeFlags(int memorySizeMb) {
      return List.of(
          "-XX:+TieredCompilation",
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xshare:auto",
          "-Xmx" + (memorySizeMb * 85L / 100) + "m");
    }

    /** Required: {@code pkg.Class::method} or {@code pkg.Class}, as in the function's configuration. */
    public Builder handler(String handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Required: the function's own class path (its classes and runtime dependencies, not the
     * test's). The RIC and its dependencies are appended; every entry must exist.
     */
    public Builder classPath(List<Path> classPath) {
      this.classPath = List.copyOf(Objects.requireNonNull(classPath, "classPath"));
      return this;
    }

    /**
     * Entries merged over the defaults (later calls add to earlier ones). Defaults:
     * {@code AWS_LAMBDA_FUNCTION_NAME}, {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE},
     * {@code AWS_LAMBDA_FUNCTION_VERSION=$LATEST}, {@code AWS_LAMBDA_LOG_GROUP_NAME},
     * {@code AWS_LAMBDA_LOG_STREAM_NAME}, {@code AWS_REGION} and {@code AWS_DEFAULT_REGION}
     * ({@code us-east-1}), {@code AWS_EXECUTION_ENV=AWS_Lambda_java<the child JDK's feature release>},
     * {@code _HANDLER},
     * {@code LAMBDA_TASK_ROOT} (the working directory), {@code AWS_LAMBDA_INITIALIZATION_TYPE=on-demand},
     * {@code TZ=:UTC}, {@code LANG=C.UTF-8}, {@code PATH} (the test JVM's) and {@code JAVA_HOME} (the
     * child's). {@code AWS_LAMBDA_RUNTIME_API} is always the local server's and cannot be overridden.
     */
    public Builder environment(Map<String, String> environment) {
      Objects.requireNonNull(environment, "environment").forEach(this::environment);
      return this;
    }

    /** One environment entry; see {@link #environment(Map)}. */
    public Builder environment(String key, String value) {
      environment.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Also names the default log group and the ARN sent with each event. */
    public Builder functionName(String functionName) {
      this.functionName = Objects.requireNonNull(functionName, "functionName");
      return this;
    }

    /** Between 128 and 10240; sets {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE} and the default {@code -Xmx} (85 %). */
    public Builder memorySizeMb(int memorySizeMb) {
      this.memorySizeMb = memorySizeMb;
      return this;
    }

    /**
     * Replaces the default flags ({@link #lambdaLikeFlags(int)}: level-1 tiered compilation, serial GC,
     * {@code -Xshare:auto}, {@code -Xmx}). The JNI library property and the class-load log flag are
     * always added.
     */
    public Builder jvmFlags(List<String> jvmFlags) {
      this.jvmFlags = List.copyOf(Objects.requireNonNull(jvmFlags, "jvmFlags"));
      return this;
    }

    /** The function timeout: sets each event's deadline; positive, default 30 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Logs class loading to {@code classes.log} in the working directory, to count classes at first response. */
    public Builder classLoadLog(boolean classLoadLog) {
      this.classLoadLog = classLoadLog;
      return this;
    }

    /** Copies the child's output lines to {@code System.err} as they arrive; off by default. */
    public Builder echoOutput(boolean echoOutput) {
      this.echoOutput = echoOutput;
      return this;
    }

    /** The JDK to run the child with; default: the test JVM's {@code java.home}. */
    public Builder javaHome(Path javaHome) {
      this.javaHome = Objects.requireNonNull(javaHome, "javaHome");
      return this;
    }

    /**
     * Validates the settings, starts the server and the child JVM, and returns at once (the child
     * initialises while the first event waits for it).
     *
     * @throws IllegalArgumentException naming the bad setting
     * @throws LocalLambdaException if the RIC is not on the class path, the OS is not Linux, or the
     *     child could not be started
     */
    public LocalLambda start() {
      List<String> problems = new ArrayList<>();
      if (handler == null || handler.isBlank()) {
        problems.add("[handler] is required, e.g. \"com.example.Handler::handleRequest\"");
      }
      if (classPath == null || classPath.isEmpty()) {
        problems.add("[classPath] is required: the function's classes and runtime dependencies");
      } else {
        List<Path> missing =
            classPath.stream().filter(p -> !Files.exists(p)).collect(Collectors.toList());
        if (!missing.isEmpty()) {
          problems.add("[classPath] entries do not exist: " + missing);
        }
      }
      if (timeout.isZero() || timeout.isNegative()) {
        problems.add("[timeout] must be positive, was " + timeout);
      }
      if (memorySizeMb < 128 || memorySizeMb > 10_240) {
        problems.add("[memorySizeMb] must be between 128 and 10240, was " + memorySizeMb);
      }
      if (!Files.isExecutable(javaHome.resolve("bin").resolve("java"))) {
        problems.add("[javaHome] has no bin/java: " + javaHome);
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("LocalLambda: " + String.join("; ", problems));
      }
      try {
        return new LocalLambda(this);
      } catch (IOException e) {
        throw new LocalLambdaException("[" + handler + "] could not start its JVM", e);
      }
    }
  }
}
